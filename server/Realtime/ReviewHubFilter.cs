using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Realtime;

/// <summary>
/// The one place a hub call is held to the caller's rate limit, and a refusal becomes plain words
/// for the browser. Refusals are normal traffic: logged at Information, with no stack trace.
/// </summary>
public sealed class ReviewHubFilter(ReviewErrorText errors, ParticipantLimits limits, ILogger<ReviewHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (ReviewHub.MemberOf(invocationContext.Context) is { } member
            && limits.TryTake(ParticipantLimits.KeyOf(member.ReviewId, member.ParticipantId)) is { } retryAfter)
        {
            logger.LogInformation("Refused {Method} in review {ReviewId}: too fast, try again after {RetryAfter}", method, member.ReviewId, retryAfter);
            throw new HubException(errors.TooFast(limits.Settings.ChangeBurst, limits.Settings.ChangesPerSecond, retryAfter));
        }

        try
        {
            return await next(invocationContext);
        }
        catch (ReviewRuleException refusal)
        {
            logger.LogInformation("Refused {Method}: {Errors}", method, string.Join(", ", refusal.Errors));
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
            logger.LogInformation("Refused a connection: {Errors}", string.Join(", ", refusal.Errors));
            throw new HubException(errors.For(refusal));
        }
    }
}
