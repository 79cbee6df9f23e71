namespace ReviewRoom.Storage;

/// <summary>Whether the store takes writes: false after one failed, until a small probe write succeeds.</summary>
public interface IStoreHealth
{
    bool CanWrite { get; }

    /// <summary>Tries a small write, to learn whether the database takes writes again.</summary>
    Task ProbeAsync();
}
