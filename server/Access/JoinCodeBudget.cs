namespace ReviewRoom.Access;

/// <summary>
/// How many wrong join codes may be tried: from one address (an IPv6 /64 is one), and in all. Each
/// try is counted, and saved, before its code is looked at, in one step of the store that no other
/// try on any server comes between, so tries sent at the same moment, to one server or to several,
/// are held to the budget too; a right code gives back its own try only, and neither a success nor a
/// restart clears the counts. Past its budget an address is slowed to a try every half minute, never
/// locked out, so someone sharing its Wi-Fi with a guesser still gets in.
/// </summary>
public sealed class JoinCodeBudget(IJoinCodeTriesStore store, TimeProvider clock)
{
    public const string InAll = "all";
    public const string Ever = "ever";
    public const int PerAddress = 10;
    public const int ForEveryone = 600;
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan AddressSlowDown = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan EveryoneSlowDown = TimeSpan.FromSeconds(2);

    /// <summary>Wrong codes tried anywhere, ever: what wears a code out.</summary>
    public long WrongEver => store.FindTries(Ever)?.Wrong ?? 0;

    /// <summary>Takes a try from the budget before the code is looked at; or how long to wait first.</summary>
    public async Task<(JoinCodeTry? Try, TimeSpan Wait)> BeginAsync(string address)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        await store.CountAsync([address, InAll, Ever], found =>
        {
            var (mine, all, ever) = (Current(address, found[0], now), Current(InAll, found[1], now), Current(Ever, found[2], now));
            wait = new[] { Over(mine, PerAddress, now), Over(all, ForEveryone, now) }.Max();
            return wait > TimeSpan.Zero
                ? []
                : [Counted(mine, PerAddress, AddressSlowDown, now), Counted(all, ForEveryone, EveryoneSlowDown, now), ever with { Wrong = ever.Wrong + 1 }];
        }, forgetBefore: now - Hour);
        return wait > TimeSpan.Zero ? (null, wait) : (new JoinCodeTry(address), TimeSpan.Zero);
    }

    /// <summary>The code was right: its own try is given back; every wrong one before it still counts.</summary>
    public Task RightAsync(JoinCodeTry attempt) =>
        store.CountAsync([attempt.Address, InAll, Ever], found => [.. found.OfType<JoinCodeTries>().Select(t => t with { Wrong = Math.Max(0, t.Wrong - 1) })], forgetBefore: clock.GetUtcNow() - Hour);

    private static JoinCodeTries Current(string key, JoinCodeTries? found, DateTimeOffset now) =>
        found is not null && (key == Ever || now - found.Since < Hour) ? found : new JoinCodeTries(key, 0, now, now);

    private static TimeSpan Over(JoinCodeTries tries, int budget, DateTimeOffset now) =>
        tries.Wrong >= budget && tries.SlowUntil > now ? tries.SlowUntil - now : TimeSpan.Zero;

    private static JoinCodeTries Counted(JoinCodeTries tries, int budget, TimeSpan slowDown, DateTimeOffset now) =>
        tries with { Wrong = tries.Wrong + 1, SlowUntil = tries.Wrong >= budget ? now + slowDown : tries.SlowUntil };
}

/// <summary>One try at a join code, taken from the budget of the address it came from.</summary>
public sealed record JoinCodeTry(string Address);
