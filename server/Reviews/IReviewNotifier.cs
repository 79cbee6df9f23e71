namespace ReviewRoom.Reviews;

/// <summary>Tells the people connected to a review about a change that has been saved.</summary>
public interface IReviewNotifier
{
    /// <summary>Ends the connections of those who left the room, then sends every other connection its delta.</summary>
    Task TellAsync(RoomDelta delta);

    /// <summary>Ends every live connection these participants have to the review.</summary>
    Task EndConnectionsAsync(string reviewId, IEnumerable<string> participantIds);
}
