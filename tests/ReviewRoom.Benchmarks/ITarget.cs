namespace ReviewRoom.Benchmarks;

/// <summary>A server under load, as the load generator sees it: rooms, people who join them, edits, and what arrives.</summary>
public interface ITarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>The server's own processes (one, or one per server), to read their memory and processor time apart from the benchmark's.</summary>
    IReadOnlyList<int> ProcessIds { get; }

    Task<string> CreateRoomAsync();

    /// <summary>What a person needs to join the room (ReviewRoom: an invitation link).</summary>
    Task<string> InviteAsync(string room);

    /// <summary>A person joins with their invitation; they are in the room but not yet connected.</summary>
    Task<IMember> JoinAsync(string room, string invitation);
}

public interface IMember
{
    /// <summary>Opens the live connection; <paramref name="edited"/> hears the text of every edit the room sees.</summary>
    Task ConnectAsync(Action<string> edited);

    /// <summary>Sends an edit; completes when the server answers the editor that it is saved.</summary>
    Task SendAsync(string text);
}
