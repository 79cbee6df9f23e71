namespace ReviewRoom.Realtime;

/// <summary>
/// The other servers serving the same reviews, when there are any: who is connected to each review
/// through them, and a way to ask them to end a participant's connections.
/// </summary>
public interface IOtherServers
{
    /// <summary>The review's live connections held by the other servers.</summary>
    Task<IReadOnlyList<PresentConnection>> InRoomAsync(string reviewId);

    /// <summary>Tells the others the review's connections on this server, as they are when the message leaves.</summary>
    Task ShareAsync(string reviewId, Func<IReadOnlyList<PresentConnection>> onThisServer);

    /// <summary>Asks every other server to end these participants' connections to the review.</summary>
    Task EndAsync(string reviewId, IReadOnlyList<string> participantIds);
}

/// <summary>One server on its own: there is nobody else to tell.</summary>
public sealed class NoOtherServers : IOtherServers
{
    public Task<IReadOnlyList<PresentConnection>> InRoomAsync(string reviewId) => Task.FromResult<IReadOnlyList<PresentConnection>>([]);

    public Task ShareAsync(string reviewId, Func<IReadOnlyList<PresentConnection>> onThisServer) => Task.CompletedTask;

    public Task EndAsync(string reviewId, IReadOnlyList<string> participantIds) => Task.CompletedTask;
}
