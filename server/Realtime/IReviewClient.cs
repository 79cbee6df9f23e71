using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

/// <summary>What the server tells the browsers in a review.</summary>
public interface IReviewClient
{
    /// <summary>A saved change, carrying the review's new version; a client that sees a version missing asks for a snapshot.</summary>
    Task Changed(BoardDelta delta);

    Task PresenceChanged(IReadOnlyList<string> participantIdsHere);

    /// <summary>The traffic-light cards held up in the room now, whenever one goes up or down.</summary>
    Task TrafficLightsChanged(IReadOnlyList<HeldUp> heldUp);
}
