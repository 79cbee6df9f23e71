using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.TestHost;

namespace ReviewRoom.TestHost;

/// <summary>
/// Debian's haproxy (which `.ci/run` installs) in front of several servers, set up as the README
/// tells a deployment to: each browser kept to one server by a cookie the proxy sets, WebSockets
/// passed through, and a server that stops answering /health taken out within a second, its people
/// sent to another.
/// </summary>
public sealed class HaProxy : IRunningApp, IAsyncDisposable
{
    public const string StickyCookie = "rr-server";

    // Debian puts it in /usr/sbin, which not every PATH has.
    private static readonly string Program = File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy";

    private readonly Process _process;
    private readonly IReadOnlyList<IRunningApp> _servers;
    private readonly string _configuration;

    private HaProxy(Process process, int port, IReadOnlyList<IRunningApp> servers, string configuration) =>
        (_process, RootUri, _servers, _configuration) = (process, new Uri($"http://127.0.0.1:{port}/"), servers, configuration);

    public Uri RootUri { get; }

    public IEnumerable<string> LogLines => _servers.SelectMany(s => s.LogLines);

    public DateOnly Today => _servers[0].Today;

    public TestServer? InMemoryServer => null;

    /// <summary>The name the proxy gives the <paramref name="index"/>th server in its sticky cookie.</summary>
    public static string ServerName(int index) => $"server{index + 1}";

    public static async Task<HaProxy> StartAsync(IReadOnlyList<IRunningApp> servers)
    {
        var port = LoopbackPort.Free();
        var configuration = Path.Combine(Path.GetTempPath(), $"reviewroom-haproxy-{Guid.NewGuid():N}.cfg");
        await File.WriteAllTextAsync(configuration, Configuration(port, servers));
        var start = new ProcessStartInfo(Program, ["-W", "-db", "-f", configuration]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("haproxy would not start: `apt-get install haproxy` (.ci/run does this).");
        _ = process.StandardOutput.ReadToEndAsync();
        var said = new List<string>();
        // Ready once the master says its workers loaded the configuration.
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            said.Add(line);
            if (line.Contains("Loading success", StringComparison.Ordinal))
            {
                _ = process.StandardError.ReadToEndAsync();
                return new HaProxy(process, port, servers, configuration);
            }
        }

        File.Delete(configuration);
        throw new InvalidOperationException($"haproxy stopped before it was ready:\n{string.Join('\n', said)}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        File.Delete(_configuration);
    }

    /// <summary>The same settings as the README's haproxy.cfg, for these servers on this port.</summary>
    private static string Configuration(int port, IReadOnlyList<IRunningApp> servers) => string.Create(CultureInfo.InvariantCulture, $"""
        defaults
            mode http
            timeout connect 2s
            timeout client 1h
            timeout server 1h
            timeout tunnel 1h
            option redispatch
            retries 2

        frontend reviewroom
            bind 127.0.0.1:{port}
            option forwardfor
            default_backend reviewroom

        backend reviewroom
            balance roundrobin
            cookie {StickyCookie} insert indirect nocache httponly
            option httpchk GET /health
            default-server check inter 300ms fall 2 rise 2
        {string.Join('\n', servers.Select((s, i) => $"    server {ServerName(i)} {s.RootUri.Host}:{s.RootUri.Port} cookie {ServerName(i)}"))}

        """);
}
