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

    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> _tooFast = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var (method, connection) = (invocationContext.HubMethodName, invocationContext.Context);
        // Each call is answered in the language its page was opened in, not the server's.
        using var speaking = Languages.Speak(ReviewHub.LanguageOf(connection));
        // A connection that may not be in the room is held to a bucket of its own, so its refusals cannot be sent flat out either.
        var member = ReviewHub.MemberOf(connection);
        var key = member is not null ? ParticipantLimits.KeyOf(member.ReviewId, member.ParticipantId) : $"connection/{connection.ConnectionId}";
        if (await limits.TryTakeAsync(key) is { } retryAfter)
        {
            // Our pages stop at a refusal and show it at once. A connection that calls on regardless is a script: each
            // further refusal waits until a call would be let in. SignalR runs one call per connection at a time, so
            // the wait holds up only that connection, costs nothing while it waits, and no reconnecting is provoked.
            if (RefusedInARow(connection, +1) > 1)
            {
                await WaitAsync(Min(retryAfter, MostWait), connection.ConnectionAborted);
            }

            // One line when someone starts going too fast, not one for each of thousands of calls.
            if (_tooFast.TryAdd(key, 0))
            {
                logger.LogInformation("Refused {Method} in review {ReviewId}: too fast, try again after {RetryAfter}; further refusals go unlogged until the calls slow down", method, member?.ReviewId, retryAfter);
            }

            throw new HubException(errors.TooFast(limits.Settings.ChangeBurst, limits.Settings.ChangesPerSecond, retryAfter));
        }

        _tooFast.TryRemove(key, out _);
        RefusedInARow(connection, 0);

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

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task WaitAsync(TimeSpan wait, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(wait, aborted);
        }
        catch (OperationCanceledException)
        {
            // The connection closed while its refusal waited: nobody is left to tell.
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
