using System.Buffers;
using System.Collections.Concurrent;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReviewRoom.TestHost;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), as an organisation's mail server:
/// it takes every message and keeps it, with the addresses it was handed to, for the test to read.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();  // not disposed: it says whether the server has stopped
    private readonly Task _running;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MailServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var listeners = new SmtpServer.Net.EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => _listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Keeper(Received));
        services.Add(listeners);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        _running.ContinueWith(t => _listening.TrySetException((Exception?)t.Exception ?? new InvalidOperationException("The mail server stopped before it listened.")), TaskScheduler.Default);
    }

    public int Port { get; }

    /// <summary>Every message taken, in the order it came, with whom the sender handed it to (the envelope, not the headers).</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, MimeMessage Message)> Received { get; } = new();

    /// <summary>The settings that point ReviewRoom at this server.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ReviewRoom:Smtp:Host"] = "127.0.0.1",
        ["ReviewRoom:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReviewRoom:Smtp:Security"] = "None",
        ["ReviewRoom:Smtp:From"] = "reviews@example.gov.uk",
        ["ReviewRoom:Smtp:FromName"] = "Example Council reviews",
    };

    /// <summary>Starts the server and returns once it is listening.</summary>
    public static async Task<MailServer> StartAsync()
    {
        var server = new MailServer(LoopbackPort.Free());
        await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>Stops taking mail; a test may stop it early, to see what happens when the mail server is away.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _running.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private sealed class Keeper(ConcurrentQueue<(IReadOnlyList<string>, MimeMessage)> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            return SmtpResponse.Ok;
        }
    }
}
