namespace ReviewRoom.Access;

/// <summary>
/// How many wrong join codes may be tried: from one address (an IPv6 /64 is one), and in all. Each
/// try is counted before its code is looked at, so tries sent at the same moment are held to the
/// budget too; a right code gives back its own try only, and the counts are kept in the store, so
/// neither a success nor a restart clears them. Past its budget an address is slowed to a try every
/// half minute, never locked out, so someone sharing its Wi-Fi with a guesser still gets in.
/// </summary>
public sealed class JoinCodeBudget
{
    public const string InAll = "all";
    public const string Ever = "ever";
    public const int PerAddress = 10;
    public const int ForEveryone = 600;
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan AddressSlowDown = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan EveryoneSlowDown = TimeSpan.FromSeconds(2);
    private const int KeptInMemory = 10_000;

    private readonly IJoinCodeTriesStore _store;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, JoinCodeTries> _counts;
    private readonly Lock _gate = new();

    public JoinCodeBudget(IJoinCodeTriesStore store, TimeProvider clock)
    {
        (_store, _clock) = (store, clock);
        _counts = store.LoadTries().ToDictionary(t => t.Key);
    }

    /// <summary>Wrong codes tried anywhere, ever: what wears a code out.</summary>
    public long WrongEver
    {
        get
        {
            lock (_gate)
            {
                return WrongEverLocked;
            }
        }
    }

    /// <summary>Takes a try from the budget before the code is looked at; or how long to wait first.</summary>
    public (JoinCodeTry? Try, TimeSpan Wait) Begin(string address)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            var mine = Current(address, now);
            var all = Current(InAll, now);
            var wait = new[] { Over(mine, PerAddress, now), Over(all, ForEveryone, now) }.Max();
            if (wait > TimeSpan.Zero)
            {
                return (null, wait);
            }

            if (_counts.Count > KeptInMemory)
            {
                // Addresses whose hour is over start again from nothing: forget them.
                foreach (var old in _counts.Values.Where(t => t.Key is not (InAll or Ever) && now - t.Since >= Hour).ToList())
                {
                    _counts.Remove(old.Key);
                }
            }

            _counts[address] = Counted(mine, PerAddress, AddressSlowDown, now);
            _counts[InAll] = Counted(all, ForEveryone, EveryoneSlowDown, now);
            _counts[Ever] = Current(Ever, now) with { Wrong = WrongEverLocked + 1 };
            return (new JoinCodeTry(address), TimeSpan.Zero);
        }
    }

    /// <summary>The code was wrong: the try stays counted, and the counts are saved before anyone is answered.</summary>
    public Task WrongAsync(JoinCodeTry attempt)
    {
        lock (_gate)
        {
            return _store.SaveTriesAsync([_counts[attempt.Address], _counts[InAll], _counts[Ever]], forgetBefore: _clock.GetUtcNow() - Hour);
        }
    }

    /// <summary>The code was right: its own try is given back; every wrong one before it still counts.</summary>
    public void Right(JoinCodeTry attempt)
    {
        lock (_gate)
        {
            foreach (var key in new[] { attempt.Address, InAll, Ever })
            {
                _counts[key] = _counts[key] with { Wrong = Math.Max(0, _counts[key].Wrong - 1) };
            }
        }
    }

    private long WrongEverLocked => _counts.GetValueOrDefault(Ever)?.Wrong ?? 0;

    private JoinCodeTries Current(string key, DateTimeOffset now) =>
        _counts.TryGetValue(key, out var tries) && (key == Ever || now - tries.Since < Hour) ? tries : new JoinCodeTries(key, 0, now, now);

    private static TimeSpan Over(JoinCodeTries tries, int budget, DateTimeOffset now) =>
        tries.Wrong >= budget && tries.SlowUntil > now ? tries.SlowUntil - now : TimeSpan.Zero;

    private static JoinCodeTries Counted(JoinCodeTries tries, int budget, TimeSpan slowDown, DateTimeOffset now) =>
        tries with { Wrong = tries.Wrong + 1, SlowUntil = tries.Wrong >= budget ? now + slowDown : tries.SlowUntil };
}

/// <summary>One try at a join code, taken from the budget of the address it came from.</summary>
public sealed record JoinCodeTry(string Address);
