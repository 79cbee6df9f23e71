using Microsoft.AspNetCore.SignalR;

namespace ReviewRoom.Realtime;

/// <summary>
/// Who has a live connection to each review, for the "Here now" list, and so a removed participant's
/// connections, big screens included, can be ended. One person may have several tabs.
/// </summary>
public sealed class PresenceTracker
{
    private readonly Dictionary<string, Dictionary<string, (string ParticipantId, HubCallerContext Connection, bool IsScreen)>> _connections = [];
    private readonly Lock _gate = new();

    /// <summary>
    /// Records a connection, unless the participant already has <paramref name="most"/> of them: then null.
    /// Counted and recorded under one lock, so tabs opened at the same moment cannot pass the limit together.
    /// A big screen's connection is kept (so it can be ended) but is nobody in "Here now".
    /// </summary>
    public IReadOnlyList<string>? TryArrive(string reviewId, HubCallerContext connection, string participantId, bool isScreen, int most)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(reviewId, out var review))
            {
                _connections[reviewId] = review = [];
            }

            if (review.Values.Count(c => c.ParticipantId == participantId) >= most)
            {
                return null;
            }

            review[connection.ConnectionId] = (participantId, connection, isScreen);
            return Here(review);
        }
    }

    public void Leave(string reviewId, string connectionId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(reviewId, out var review) && review.Remove(connectionId) && review.Count == 0)
            {
                _connections.Remove(reviewId);
            }
        }
    }

    public IReadOnlyList<string> Here(string reviewId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(reviewId, out var review) ? Here(review) : [];
        }
    }

    /// <summary>A participant's live connections to a review, and whether each is a big screen.</summary>
    public IReadOnlyList<(HubCallerContext Connection, bool IsScreen)> ConnectionsOf(string reviewId, string participantId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(reviewId, out var review)
                ? [.. review.Values.Where(c => c.ParticipantId == participantId).Select(c => (c.Connection, c.IsScreen))]
                : [];
        }
    }

    private static string[] Here(Dictionary<string, (string ParticipantId, HubCallerContext Connection, bool IsScreen)> review) =>
        [.. review.Values.Where(c => !c.IsScreen).Select(c => c.ParticipantId).Distinct().Order(StringComparer.Ordinal)];
}
