namespace ReviewRoom.Access;

/// <summary>Wrong join codes counted for one address (or for all, or ever), as kept in the store.</summary>
/// <param name="Key">An address, a /64 network, <see cref="JoinCodeBudget.InAll"/> or <see cref="JoinCodeBudget.Ever"/>.</param>
/// <param name="Since">When this hour of counting began.</param>
/// <param name="SlowUntil">Past the budget, the next try is not looked at before this.</param>
public sealed record JoinCodeTries(string Key, long Wrong, DateTimeOffset Since, DateTimeOffset SlowUntil);

/// <summary>Where the counts of wrong join codes are kept, so neither a restart nor a second server clears them.</summary>
public interface IJoinCodeTriesStore
{
    JoinCodeTries? FindTries(string key);

    /// <summary>
    /// Reads the counts under <paramref name="keys"/> (null where there are none yet) and saves what
    /// <paramref name="count"/> makes of them, as one step that no other try, on any server, comes
    /// between; completes once that is on disk. Addresses last counted before
    /// <paramref name="forgetBefore"/> are dropped.
    /// </summary>
    Task CountAsync(IReadOnlyList<string> keys, Func<IReadOnlyList<JoinCodeTries?>, IReadOnlyList<JoinCodeTries>> count, DateTimeOffset forgetBefore);

    /// <summary>Every count, for copying the store.</summary>
    IReadOnlyList<JoinCodeTries> LoadTries();

    /// <summary>Saves counts as they are, for copying the store.</summary>
    Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore);
}
