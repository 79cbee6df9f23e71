using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;

namespace ReviewRoom.TestHost;

/// <summary>
/// The real server, as it is deployed, in a child process on a loopback port and its own data
/// folder: what a crash test can kill. A restart is a new <see cref="ServerProcess"/> on the same
/// <see cref="DataFolder"/>.
/// </summary>
public sealed partial class ServerProcess : IRunningApp, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Facilitators _facilitators;
    private int _openStreams = 2;
    private bool _disposed;

    private ServerProcess(DataFolder data, IReadOnlyDictionary<string, string>? settings)
    {
        _facilitators = new Facilitators(this);
        var server = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost(), [server, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ReviewRoom__DataPath"] = data.Path;
        start.Environment["ReviewRoom__AllowPlainHttp"] = "true";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the server and returns once it listens: the setup code of a first start is in <see cref="LogLines"/> by then.</summary>
    public static async Task<ServerProcess> StartAsync(DataFolder data, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerProcess(data, settings);
        try
        {
            server.RootUri = await server._listening.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"The server did not listen within {StartTimeout.TotalSeconds} s. It said:\n{string.Join('\n', server.LogLines)}");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Uri RootUri { get; private set; } = null!;

    /// <summary>Settings named as in configuration ("ReviewRoom:Redis"), named as a server process reads them from its environment.</summary>
    public static Dictionary<string, string> AsEnvironment(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");

    public int ProcessId => _process.Id;

    /// <summary>Everything the server wrote to its standard output and error, line by line.</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    IEnumerable<string> IRunningApp.LogLines => LogLines;

    /// <summary>A server process keeps real time.</summary>
    DateOnly IRunningApp.Today => DateOnly.FromDateTime(DateTime.UtcNow);

    TestServer? IRunningApp.InMemoryServer => null;

    /// <summary>A facilitator signed in to this server; the first is the administrator, so start it on a fresh folder.</summary>
    public Task<Visitor> NewFacilitatorAsync() => _facilitators.NewAsync();

    /// <summary>Ends the server at once, with SIGKILL on Linux: no shutdown, no flushing, as a crash or a power cut would.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Returns once the process has gone: until then a killed server can still take a connection and drop it.</summary>
    public Task ExitedAsync() => _process.WaitForExitAsync();

    /// <summary>Kills the server if it still runs, and returns once it has exited, so its database file is free for a restart.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                _listening.TrySetException(new InvalidOperationException($"The server exited before it listened. It said:\n{string.Join('\n', LogLines)}"));
            }

            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (NowListening().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    // The SDK sets DOTNET_HOST_PATH for the processes it starts; a test run by hand finds dotnet on the PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex NowListening();
}
