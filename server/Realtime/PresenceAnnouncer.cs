using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ReviewRoom.Realtime;

/// <summary>
/// Tells a review's room who is here now, at most a few times a second: when a crowd arrives at
/// once (everyone opening the link as the meeting starts), the room hears one list per moment,
/// not one per arrival to every one of them.
/// </summary>
public sealed class PresenceAnnouncer(IHubContext<ReviewHub, IReviewClient> hub, PresenceTracker presence, TimeProvider clock, ILogger<PresenceAnnouncer> logger)
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, bool> _due = new();

    public void Announce(string reviewId)
    {
        if (_due.TryAdd(reviewId, true))
        {
            _ = AnnounceSoonAsync(reviewId);
        }
    }

    private async Task AnnounceSoonAsync(string reviewId)
    {
        try
        {
            await Task.Delay(Moment, clock);
            _due.TryRemove(reviewId, out _);
            await hub.Clients.Group(ReviewHub.GroupFor(reviewId)).PresenceChanged(await presence.HereAsync(reviewId));
        }
        catch (Exception e)
        {
            _due.TryRemove(reviewId, out _);
            logger.LogError(e, "Telling review {ReviewId} who is here failed", reviewId);
        }
    }
}
