using System.Diagnostics;

namespace ReviewRoom.TestHost;

/// <summary>A Redis server of the test's own, from Debian's package (which `.ci/run` installs), on a free loopback port, keeping nothing on disk.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = LoopbackPort.Free();
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
                return new RedisServer(process, port);
            }
        }

        throw new InvalidOperationException($"redis-server stopped before it was ready (exit {process.ExitCode}).");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
