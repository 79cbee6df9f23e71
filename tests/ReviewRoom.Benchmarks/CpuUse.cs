using System.Diagnostics;

namespace ReviewRoom.Benchmarks;

/// <summary>Processor time the server and this process have used, and the time that has passed: take one at the start, then <see cref="Since"/>.</summary>
public readonly record struct CpuUse(TimeSpan Server, TimeSpan Benchmark, TimeSpan Wall)
{
    public static CpuUse Start(IReadOnlyList<int> serverProcessIds) => new(ProcessorTime(serverProcessIds), ProcessorTime([Environment.ProcessId]), Clock);

    public CpuUse Since(IReadOnlyList<int> serverProcessIds) =>
        new(ProcessorTime(serverProcessIds) - Server, ProcessorTime([Environment.ProcessId]) - Benchmark, Clock - Wall);

    private static TimeSpan Clock => TimeSpan.FromMilliseconds(Environment.TickCount64);

    private static TimeSpan ProcessorTime(IReadOnlyList<int> processIds)
    {
        var used = TimeSpan.Zero;
        foreach (var id in processIds)
        {
            using var process = Process.GetProcessById(id);
            used += process.TotalProcessorTime;
        }

        return used;
    }
}
