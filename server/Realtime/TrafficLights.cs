namespace ReviewRoom.Realtime;

/// <summary>The card someone holds up from their own device: stop, I don't understand; slow down; I agree.</summary>
public enum TrafficLight
{
    Red,
    Amber,
    Green,
}

/// <summary>Someone holding up a traffic-light card.</summary>
public sealed record HeldUp(string ParticipantId, TrafficLight Light);

/// <summary>
/// The traffic-light cards held up in each review, until they are put down or their holder leaves.
/// Part of the meeting as it happens, not of the review: never saved, never in the minutes.
/// </summary>
public sealed class TrafficLights
{
    private readonly Dictionary<string, Dictionary<string, TrafficLight>> _held = [];
    private readonly Lock _gate = new();

    /// <summary>Holds up <paramref name="light"/>, or puts the card down when null; returns the review's cards held up now.</summary>
    public IReadOnlyList<HeldUp> Hold(string reviewId, string participantId, TrafficLight? light)
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

            return HeldIn(reviewId);
        }
    }

    public IReadOnlyList<HeldUp> HeldIn(string reviewId)
    {
        lock (_gate)
        {
            return _held.TryGetValue(reviewId, out var review)
                ? [.. review.Select(h => new HeldUp(h.Key, h.Value)).OrderBy(h => h.Light).ThenBy(h => h.ParticipantId, StringComparer.Ordinal)]
                : [];
        }
    }

    /// <summary>Puts down the card of someone who has left the room; true when they held one.</summary>
    public bool PutDown(string reviewId, string participantId)
    {
        lock (_gate)
        {
            return PutDownHeld(reviewId, participantId);
        }
    }

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
