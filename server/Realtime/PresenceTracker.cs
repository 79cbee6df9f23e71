namespace ReviewRoom.Realtime;

/// <summary>Who has a live connection to each review, for the "Here now" list. One person may have several tabs.</summary>
public sealed class PresenceTracker
{
    private readonly Dictionary<string, Dictionary<string, string>> _connections = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Arrive(string reviewId, string connectionId, string participantId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(reviewId, out var review))
            {
                _connections[reviewId] = review = [];
            }

            review[connectionId] = participantId;
            return Here(review);
        }
    }

    public IReadOnlyList<string> Leave(string reviewId, string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(reviewId, out var review))
            {
                return [];
            }

            review.Remove(connectionId);
            if (review.Count == 0)
            {
                _connections.Remove(reviewId);
            }

            return Here(review);
        }
    }

    public IReadOnlyList<string> Here(string reviewId)
    {
        lock (_gate)
        {
            return _connections.TryGetValue(reviewId, out var review) ? Here(review) : [];
        }
    }

    private static string[] Here(Dictionary<string, string> review) => [.. review.Values.Distinct().Order(StringComparer.Ordinal)];
}
