using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ReviewRoom.TestHost;

namespace ReviewRoom.Benchmarks;

/// <summary>The floor server, started as a child process (this benchmark run again with "floor"), and its members.</summary>
public sealed class FloorTarget : ITarget
{
    private readonly DataFolder _data = new();
    private readonly Process _process;
    private readonly ConcurrentBag<FloorMember> _members = [];
    private readonly Uri _root;
    private int _rooms;

    private FloorTarget()
    {
        var port = FreePort();
        _root = new Uri($"ws://127.0.0.1:{port}/");
        var self = Environment.ProcessPath!;
        string[] arguments = [.. IsDotnetHost(self) ? [typeof(FloorTarget).Assembly.Location] : Array.Empty<string>(),
            "floor", port.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(_data.Path, "edits.log")];
        var start = new ProcessStartInfo(self, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The same garbage collector as ReviewRoom, which as a web app runs the server GC.
        start.Environment["DOTNET_gcServer"] = "1";
        _process = Process.Start(start)!;
    }

    public static async Task<FloorTarget> StartAsync()
    {
        var target = new FloorTarget();
        var line = await target._process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return line == FloorServer.ReadyLine ? target : throw new InvalidOperationException($"The floor server said '{line}', not that it listens.");
    }

    public string Name => "floor";

    public IReadOnlyList<int> ProcessIds => [_process.Id];

    public Task<string> CreateRoomAsync() => Task.FromResult($"room{Interlocked.Increment(ref _rooms)}");

    public Task<string> InviteAsync(string room) => Task.FromResult(room);

    public Task<IMember> JoinAsync(string room, string invitation)
    {
        var member = new FloorMember(new Uri(_root, $"ws?room={invitation}"));
        _members.Add(member);
        return Task.FromResult<IMember>(member);
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        foreach (var member in _members)
        {
            member.Dispose();
        }

        _data.Dispose();
    }

    private static bool IsDotnetHost(string path) => Path.GetFileNameWithoutExtension(path) == "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class FloorMember(Uri uri) : IMember, IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _unsaved = new();

    public async Task ConnectAsync(Action<string> edited)
    {
        await _socket.ConnectAsync(uri, CancellationToken.None);
        _ = ReceiveAsync(edited);
    }

    public async Task SendAsync(string text)
    {
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _unsaved[text] = saved;
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        await saved.Task;
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task ReceiveAsync(Action<string> edited)
    {
        try
        {
            await foreach (var message in FloorMessages.ReceiveAsync(_socket))
            {
                var text = Encoding.UTF8.GetString(message.AsSpan(1));
                if (message[0] == FloorMessages.EditedMark)
                {
                    edited(text);
                }
                else if (_unsaved.TryRemove(text, out var saved))
                {
                    saved.SetResult();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The server was stopped, or this member was disposed at the end of a scenario.
        }

        foreach (var (_, unsaved) in _unsaved)
        {
            unsaved.TrySetException(new WebSocketException("The floor server closed the connection before saving."));
        }
    }
}
