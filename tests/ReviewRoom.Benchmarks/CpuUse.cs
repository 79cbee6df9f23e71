using System.Diagnostics;

namespace ReviewRoom.Benchmarks;

/// <summary>Processor time the server and this process have used, and the time that has passed: take one at the start, then <see cref="Since"/>.</summary>
public readonly record struct CpuUse(TimeSpan Server, TimeSpan Benchmark, TimeSpan Wall)
{
    public static CpuUse Start(int serverProcessId) => new(ProcessorTime(serverProcessId), ProcessorTime(Environment.ProcessId), Clock);

    public CpuUse Since(int serverProcessId) =>
        new(ProcessorTime(serverProcessId) - Server, ProcessorTime(Environment.ProcessId) - Benchmark, Clock - Wall);

    private static TimeSpan Clock => TimeSpan.FromMilliseconds(Environment.TickCount64);

    private static TimeSpan ProcessorTime(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}
