namespace ReviewRoom.Access;

/// <summary>Wrong join codes counted for one address (or for all, or ever), as kept in the store.</summary>
/// <param name="Key">An address, a /64 network, <see cref="JoinCodeBudget.InAll"/> or <see cref="JoinCodeBudget.Ever"/>.</param>
/// <param name="Since">When this hour of counting began.</param>
/// <param name="SlowUntil">Past the budget, the next try is not looked at before this.</param>
public sealed record JoinCodeTries(string Key, long Wrong, DateTimeOffset Since, DateTimeOffset SlowUntil);

/// <summary>Where the counts of wrong join codes are kept, so a restart does not clear them.</summary>
public interface IJoinCodeTriesStore
{
    IReadOnlyList<JoinCodeTries> LoadTries();

    /// <summary>Completes once the counts are on disk; addresses last counted before <paramref name="forgetBefore"/> are dropped.</summary>
    Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore);
}
