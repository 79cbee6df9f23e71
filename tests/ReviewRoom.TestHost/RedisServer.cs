using System.Diagnostics;

namespace ReviewRoom.TestHost;

/// <summary>A Redis server of the test's own, from Debian's package (which `.ci/run` installs), on a free loopback port, keeping nothing on disk.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process _process;
    private bool _running = true;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = LoopbackPort.Free();
        return new RedisServer(await StartOnAsync(port), port);
    }

    /// <summary>Kills Redis, as a crash would, forgetting everything it held.</summary>
    public async Task StopAsync()
    {
        _running = false;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>Starts a stopped Redis again on the same port, empty.</summary>
    public async Task StartAgainAsync()
    {
        _process = await StartOnAsync(Port);
        _running = true;
    }

    private static async Task<Process> StartOnAsync(int port)
    {
        var start = new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server would not start: `apt-get install redis-server` (.ci/run does this).");
        // Ready once it says so; its log goes nowhere else.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return process;
            }
        }

        throw new InvalidOperationException($"redis-server stopped before it was ready (exit {process.ExitCode}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await StopAsync();
        }
    }
}
