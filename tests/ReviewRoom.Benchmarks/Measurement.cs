namespace ReviewRoom.Benchmarks;

/// <summary>What one target did in a scenario, added up over its windows.</summary>
public sealed class Measurement
{
    private readonly Lock _gate = new();
    private readonly List<double> _seen = [];
    private readonly List<(int Edit, double Milliseconds)> _saved = [];
    private readonly List<double> _joins = [];
    private (TimeSpan Server, TimeSpan Benchmark, TimeSpan Wall) _cpu;

    public long Sent { get; private set; }

    public long ExpectedDeliveries { get; private set; }

    public long Delivered { get; private set; }

    public long Refused { get; private set; }

    public long Answered { get; private set; }

    public string? FirstRefusal { get; private set; }

    /// <summary>Connections open during the measurement, and the server's resident memory each added.</summary>
    public int Connections { get; set; }

    public double KilobytesPerConnection { get; set; } = double.NaN;

    /// <summary>CPU the server and this benchmark's own process used during the windows, in cores (1 = one core busy throughout).</summary>
    public double ServerCores => _cpu.Wall > TimeSpan.Zero ? _cpu.Server / _cpu.Wall : double.NaN;

    public double BenchmarkCores => _cpu.Wall > TimeSpan.Zero ? _cpu.Benchmark / _cpu.Wall : double.NaN;

    public Percentiles Seen
    {
        get
        {
            lock (_gate)
            {
                return Percentiles.Of(_seen);
            }
        }
    }

    /// <summary>How long people took to join and connect (the join storm only).</summary>
    public Percentiles Joins
    {
        get
        {
            lock (_gate)
            {
                return Percentiles.Of(_joins);
            }
        }
    }

    public Percentiles Saved => SavedBetween(0, int.MaxValue);

    /// <summary>Saved latency of the edits numbered from <paramref name="first"/> up to, not including, <paramref name="end"/> in their window.</summary>
    public Percentiles SavedBetween(int first, int end)
    {
        lock (_gate)
        {
            return Percentiles.Of(_saved.Where(s => s.Edit >= first && s.Edit < end).Select(s => s.Milliseconds));
        }
    }

    public long LostDeliveries => ExpectedDeliveries - Delivered;

    public long Unanswered => Sent - Answered - Refused;

    public void AddSeen(double milliseconds)
    {
        lock (_gate)
        {
            _seen.Add(milliseconds);
        }
    }

    public void AddSaved(int edit, double milliseconds)
    {
        lock (_gate)
        {
            _saved.Add((edit, milliseconds));
        }
    }

    public void AddJoin(double milliseconds)
    {
        lock (_gate)
        {
            _joins.Add(milliseconds);
        }
    }

    public void AddWindow(long sent, long expected, long delivered, long answered, long refused, string? refusal, CpuUse cpu)
    {
        lock (_gate)
        {
            _cpu = (_cpu.Server + cpu.Server, _cpu.Benchmark + cpu.Benchmark, _cpu.Wall + cpu.Wall);
            Sent += sent;
            ExpectedDeliveries += expected;
            Delivered += delivered;
            Answered += answered;
            Refused += refused;
            FirstRefusal ??= refusal;
        }
    }
}

public sealed record Percentiles(int Count, double P50, double P95, double P99)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(sorted.Length, At(0.50), At(0.95), At(0.99));
    }
}
