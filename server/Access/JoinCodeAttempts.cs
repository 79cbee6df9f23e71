namespace ReviewRoom.Access;

/// <summary>
/// Slows down, then locks out for a while, a client that keeps typing wrong join codes, so the six
/// digits cannot be guessed by trying them all. Counted per client address.
/// </summary>
public sealed class JoinCodeAttempts(TimeProvider clock)
{
    public const int FreeTries = 3;
    public const int TriesBeforeLockout = 10;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, (int Failures, DateTimeOffset LastFailure)> _clients = [];
    private readonly Lock _gate = new();

    /// <summary>How long to wait before answering this client; null when they are locked out.</summary>
    public TimeSpan? DelayFor(string client)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(client, out var record))
            {
                return TimeSpan.Zero;
            }

            if (clock.GetUtcNow() - record.LastFailure > LockoutTime)
            {
                _clients.Remove(client);
                return TimeSpan.Zero;
            }

            return record.Failures >= TriesBeforeLockout ? null : TimeSpan.FromSeconds(Math.Max(0, record.Failures - FreeTries + 1));
        }
    }

    public void Failed(string client)
    {
        lock (_gate)
        {
            var failures = _clients.TryGetValue(client, out var record) ? record.Failures : 0;
            _clients[client] = (failures + 1, clock.GetUtcNow());
        }
    }

    public void Succeeded(string client)
    {
        lock (_gate)
        {
            _clients.Remove(client);
        }
    }
}
