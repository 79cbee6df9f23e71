namespace ReviewRoom.Benchmarks;

public static class ServerMemory
{
    /// <summary>Resident memory of a process in kilobytes, as the kernel counts it.</summary>
    public static long ResidentKilobytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many files this process may hold open: each connection is a socket at both ends.</summary>
    public static int OpenFileLimit()
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3] is { } soft && int.TryParse(soft, out var limit) ? limit : int.MaxValue;
    }
}
