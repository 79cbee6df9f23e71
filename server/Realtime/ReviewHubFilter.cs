using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Realtime;

/// <summary>
/// The one place a hub call is held to the caller's rate limit, and a refusal becomes plain words
/// for the browser. Refusals are normal traffic: logged at Information, with no stack trace; anything
/// else a hub method throws is logged here at Error (SignalR's own log of it is turned off).
/// </summary>
public sealed class ReviewHubFilter(ReviewErrorText errors, ParticipantLimits limits, ILogger<ReviewHubFilter> logger) : IHubFilter
{
    private const string RefusedKey = "refused-in-a-row";

    private readonly ConcurrentDictionary<string, byte> _tooFast = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (ReviewHub.MemberOf(invocationContext.Context) is { } member)
        {
            var key = ParticipantLimits.KeyOf(member.ReviewId, member.ParticipantId);
            if (limits.TryTake(key) is { } retryAfter)
            {
                // Our pages stop on a refusal; a connection that goes on calling regardless is a script, and is ended.
                if (RefusedInARow(invocationContext.Context, +1) >= limits.Settings.RefusedCallsBeforeDisconnect)
                {
                    logger.LogInformation("Ended a connection to review {ReviewId} that kept calling after being refused", member.ReviewId);
                    invocationContext.Context.Abort();
                }

                // One line when someone starts going too fast, not one for each of thousands of calls.
                if (_tooFast.TryAdd(key, 0))
                {
                    logger.LogInformation("Refused {Method} in review {ReviewId}: too fast, try again after {RetryAfter}; further refusals go unlogged until the calls slow down", method, member.ReviewId, retryAfter);
                }

                throw new HubException(errors.TooFast(limits.Settings.ChangeBurst, limits.Settings.ChangesPerSecond, retryAfter));
            }

            _tooFast.TryRemove(key, out _);
            RefusedInARow(invocationContext.Context, 0);
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
        catch (Exception failure) when (failure is not HubException)
        {
            logger.LogError(failure, "{Method} failed", method);
            throw;
        }
    }

    /// <summary>Counts a connection's too-fast refusals in a row (its calls are handled one at a time), or starts again at 0.</summary>
    private static int RefusedInARow(HubCallerContext connection, int add)
    {
        var refused = add == 0 ? 0 : (connection.Items.TryGetValue(RefusedKey, out var count) ? (int)count! : 0) + add;
        connection.Items[RefusedKey] = refused;
        return refused;
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
