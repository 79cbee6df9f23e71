namespace ReviewRoom.Realtime;

/// <summary>The card someone holds up from their own device: stop, I don't understand; slow down; I agree.</summary>
public enum TrafficLight
{
    Red,
    Amber,
    Green,
}

/// <summary>Someone holding up a traffic-light card.</summary>
public sealed record HeldUp(string ParticipantId, TrafficLight Light)
{
    /// <summary>How the room sees them: reds first, then ambers, then greens.</summary>
    public static IReadOnlyList<HeldUp> InOrder(IEnumerable<HeldUp> held) =>
        [.. held.OrderBy(h => h.Light).ThenBy(h => h.ParticipantId, StringComparer.Ordinal)];
}

/// <summary>
/// The traffic-light cards held up in each review, until they are put down or their holder leaves.
/// Part of the meeting as it happens, not of the review: never saved, never in the minutes.
/// </summary>
public interface ITrafficLights
{
    /// <summary>Holds up <paramref name="light"/>, or puts the card down when null; returns the review's cards held up now.</summary>
    Task<IReadOnlyList<HeldUp>> HoldAsync(string reviewId, string participantId, TrafficLight? light);

    Task<IReadOnlyList<HeldUp>> HeldInAsync(string reviewId);

    /// <summary>Puts down the card of someone who has left the room; true when they held one.</summary>
    Task<bool> PutDownAsync(string reviewId, string participantId);
}

/// <summary>The cards held up, in this server's memory: for one server on its own.</summary>
public sealed class TrafficLights : ITrafficLights
{
    private readonly Dictionary<string, Dictionary<string, TrafficLight>> _held = [];
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<HeldUp>> HoldAsync(string reviewId, string participantId, TrafficLight? light)
    {
        lock (_gate)
        {
            if (light is { } shown)
            {
                if (!_held.TryGetValue(reviewId, out var review))
                {
                    _held[reviewId] = review = [];
                }

                review[participantId] = shown;
            }
            else
            {
                PutDownHeld(reviewId, participantId);
            }

            return Task.FromResult(HeldIn(reviewId));
        }
    }

    public Task<IReadOnlyList<HeldUp>> HeldInAsync(string reviewId)
    {
        lock (_gate)
        {
            return Task.FromResult(HeldIn(reviewId));
        }
    }

    public Task<bool> PutDownAsync(string reviewId, string participantId)
    {
        lock (_gate)
        {
            return Task.FromResult(PutDownHeld(reviewId, participantId));
        }
    }

    private IReadOnlyList<HeldUp> HeldIn(string reviewId) =>
        _held.TryGetValue(reviewId, out var review) ? HeldUp.InOrder(review.Select(h => new HeldUp(h.Key, h.Value))) : [];

    private bool PutDownHeld(string reviewId, string participantId)
    {
        if (!_held.TryGetValue(reviewId, out var review) || !review.Remove(participantId))
        {
            return false;
        }

        if (review.Count == 0)
        {
            _held.Remove(reviewId);
        }

        return true;
    }
}
