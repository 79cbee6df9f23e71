using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Realtime;

/// <summary>The one place a refused change becomes plain words for the browser.</summary>
public sealed class ReviewHubFilter(ReviewErrorText errors) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (ReviewRuleException refusal)
        {
            throw new HubException(errors.For(refusal));
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (ReviewRuleException refusal)
        {
            throw new HubException(errors.For(refusal));
        }
    }
}
