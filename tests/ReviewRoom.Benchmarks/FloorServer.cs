using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReviewRoom.Benchmarks;

/// <summary>
/// The floor: the least a live room can do. Raw WebSockets on Kestrel, no SignalR; every edit is
/// appended to a plain file and made durable (fsync) before its editor hears "saved" and the rest
/// of the room sees it. One writer thread commits edits in groups, as a database log would.
/// </summary>
public static class FloorServer
{
    public const string ReadyLine = "floor listening";

    public static async Task RunAsync(int port, string file)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseWebSockets();

        using var log = new GroupCommit(file);
        var rooms = new ConcurrentDictionary<string, FloorRoom>();
        app.Map("/ws", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["room"].ToString() is not { Length: > 0 } roomId)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var room = rooms.GetOrAdd(roomId, _ => new FloorRoom());
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var member = new FloorConnection(socket);
            room.Add(member);
            var sending = member.SendLoopAsync();
            try
            {
                await foreach (var edit in FloorMessages.ReceiveAsync(socket))
                {
                    log.Append(new FloorEdit(room, member, edit));
                }
            }
            catch (WebSocketException)
            {
                // The benchmark ends its connections without a closing handshake.
            }
            finally
            {
                room.Remove(member);
                member.Close();
            }

            await sending;
        });

        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        // The benchmark holds our standard input open; when it ends, for whatever reason, so do we.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }
}

internal sealed record FloorEdit(FloorRoom Room, FloorConnection Editor, byte[] Text);

/// <summary>The single writer: takes every edit queued so far, writes them, fsyncs once, then answers and fans out.</summary>
internal sealed class GroupCommit : IDisposable
{
    private readonly BlockingCollection<FloorEdit> _queue = [];
    private readonly FileStream _file;
    private readonly Thread _writer;

    public GroupCommit(string path)
    {
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        _writer = new Thread(Write) { IsBackground = true, Name = "floor group commit" };
        _writer.Start();
    }

    public void Append(FloorEdit edit) => _queue.Add(edit);

    private void Write()
    {
        var batch = new List<FloorEdit>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (_queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            foreach (var edit in batch)
            {
                _file.Write(edit.Text);
                _file.WriteByte((byte)'\n');
            }

            _file.Flush(flushToDisk: true);
            foreach (var edit in batch)
            {
                edit.Room.Deliver(edit);
            }

            batch.Clear();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join();
        _file.Dispose();
        _queue.Dispose();
    }
}

internal sealed class FloorRoom
{
    private readonly Lock _gate = new();
    private volatile FloorConnection[] _members = [];

    public void Add(FloorConnection member) => Change(members => [.. members, member]);

    public void Remove(FloorConnection member) => Change(members => [.. members.Where(m => m != member)]);

    public void Deliver(FloorEdit edit)
    {
        var saved = FloorMessages.Saved(edit.Text);
        var seen = FloorMessages.Edited(edit.Text);
        foreach (var member in _members)
        {
            member.Send(member == edit.Editor ? saved : seen);
        }
    }

    // Copy on change: the writer reads the list without a lock, and rooms change far less often than they hear edits.
    private void Change(Func<FloorConnection[], FloorConnection[]> change)
    {
        lock (_gate)
        {
            _members = change(_members);
        }
    }
}

/// <summary>One socket, with its own queue: a WebSocket takes one send at a time, and the writer must never wait on a slow reader.</summary>
internal sealed class FloorConnection(WebSocket socket)
{
    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });

    public void Send(byte[] message) => _outbox.Writer.TryWrite(message);

    public void Close() => _outbox.Writer.TryComplete();

    public async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync())
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
