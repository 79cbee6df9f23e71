using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.Benchmarks;

/// <summary>
/// The real server in a child process, or two of them sharing one PostgreSQL and one Redis, each
/// person joining the next server in turn. People join the real way: a facilitator invites them, each
/// opens their link and posts the join form, then connects to the hub with the cookie it got.
/// </summary>
public sealed class ReviewRoomTarget : ITarget
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["ReviewRoom__Limits__ChangesPerSecond"] = "100000",
        ["ReviewRoom__Limits__DoorPostsPerMinute"] = "100000",
        ["ReviewRoom__Limits__ChangeBurst"] = "100000",
    };

    /// <summary>Nothing set: the rate limits ReviewRoom ships with.</summary>
    public static readonly IReadOnlyDictionary<string, string> Shipped = new Dictionary<string, string>();

    // Rooms are shared out among a few facilitators so they can be set up side by side;
    // one facilitator does one thing at a time, as the invitation link comes back in their session.
    private const int Facilitators = 8;

    private readonly List<DataFolder> _data = [];
    private readonly List<ServerProcess> _servers = [];
    private readonly List<IAsyncDisposable> _sharedBy = [];
    private readonly List<(Visitor Visitor, SemaphoreSlim Turn)> _facilitators = [];
    private readonly ConcurrentDictionary<string, int> _facilitatorOf = new();
    private readonly ConcurrentBag<Visitor> _visitors = [];
    private int _rooms;
    private int _invited;
    private int _joined;

    private ReviewRoomTarget(string name) => Name = name;

    public static Task<ReviewRoomTarget> StartAsync() => StartAsync(Settings);

    public static async Task<ReviewRoomTarget> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var target = new ReviewRoomTarget("ReviewRoom");
        await target.StartServerAsync(settings);
        await target.SetUpFacilitatorsAsync();
        return target;
    }

    /// <summary>Two servers on one PostgreSQL database and one Redis, both started here from Debian's packages.</summary>
    public static async Task<ReviewRoomTarget> StartTwoServersAsync()
    {
        var target = new ReviewRoomTarget("two servers");
        var postgres = await PostgresServer.StartAsync();
        target._sharedBy.Add(postgres);
        var redis = await RedisServer.StartAsync();
        target._sharedBy.Add(redis);
        var settings = new Dictionary<string, string>(Settings) { ["ReviewRoom__Redis"] = redis.Configuration };
        foreach (var (key, value) in ServerProcess.AsEnvironment(await postgres.StoreSettingsAsync()))
        {
            settings[key] = value;
        }

        await target.StartServerAsync(settings);
        await target.StartServerAsync(settings);
        await target.SetUpFacilitatorsAsync();
        return target;
    }

    public string Name { get; }

    public IReadOnlyList<int> ProcessIds => [.. _servers.Select(s => s.ProcessId)];

    public async Task<string> CreateRoomAsync()
    {
        var number = Interlocked.Increment(ref _rooms);
        var review = await AsFacilitatorAsync(number % Facilitators, f => f.CreateReviewAsync($"Person {number}"));
        _facilitatorOf[review] = number % Facilitators;
        return review;
    }

    public Task<string> InviteAsync(string room)
    {
        var number = Interlocked.Increment(ref _invited);
        return AsFacilitatorAsync(_facilitatorOf[room], f => f.InviteAsync(room, $"Invitee {number}", "friend"));
    }

    public async Task<IMember> JoinAsync(string room, string invitation) => new ReviewRoomMember(await VisitorJoinedAsync(invitation), room);

    /// <summary>Someone who joins to flood the room rather than to take part.</summary>
    public async Task<ReviewRoomFlooder> JoinFlooderAsync(string room, string invitation) => new(await VisitorJoinedAsync(invitation), room);

    public async ValueTask DisposeAsync()
    {
        // The servers go first, so no connection waits on a polite goodbye.
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await Parallel.ForEachAsync(_visitors, async (visitor, _) => await visitor.DisposeAsync());
        _facilitators.ForEach(f => f.Turn.Dispose());
        foreach (var shared in _sharedBy)
        {
            await shared.DisposeAsync();
        }

        _data.ForEach(d => d.Dispose());
    }

    private async Task StartServerAsync(IReadOnlyDictionary<string, string> settings)
    {
        var data = new DataFolder();
        _data.Add(data);
        _servers.Add(await ServerProcess.StartAsync(data, settings));
    }

    // On the first server, whose log has the setup code: every server reads the cookies it signs.
    private async Task SetUpFacilitatorsAsync()
    {
        for (var f = 0; f < Facilitators; f++)
        {
            var facilitator = await _servers[0].NewFacilitatorAsync();
            _visitors.Add(facilitator);
            _facilitators.Add((facilitator, new SemaphoreSlim(1)));
        }
    }

    private async Task<Visitor> VisitorJoinedAsync(string invitation)
    {
        var server = _servers[Interlocked.Increment(ref _joined) % _servers.Count];
        var visitor = new Visitor(server);
        _visitors.Add(visitor);
        // Only the hub connection stays open: thousands of idle keep-alive sockets besides would pass the open-file limit.
        visitor.Http.DefaultRequestHeaders.ConnectionClose = true;
        using var joined = await visitor.JoinAsync(invitation);
        return joined.StatusCode == HttpStatusCode.Redirect
            ? visitor
            : throw new InvalidOperationException($"Joining by link answered {joined.StatusCode}, not a redirect to the board. The server's last errors:\n" +
                string.Join('\n', server.LogLines.Where(l => l.Contains("fail", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(10)));
    }

    private async Task<T> AsFacilitatorAsync<T>(int facilitator, Func<Visitor, Task<T>> act)
    {
        var (visitor, turn) = _facilitators[facilitator];
        await turn.WaitAsync();
        try
        {
            return await act(visitor);
        }
        finally
        {
            turn.Release();
        }
    }
}

/// <summary>
/// The hub protocol for an edit, named in one place: AddCard answers the editor with the card;
/// the rest of the room hears CardSaved(card, version) today, or Changed(delta) once the core
/// rewrite lands, whose delta carries the new version and the changed cards.
/// </summary>
internal sealed class ReviewRoomMember(Visitor visitor, string reviewId) : IMember
{
    private const string Section = "important-to-now";
    private HubConnection? _hub;

    public async Task ConnectAsync(Action<string> edited)
    {
        var hub = await visitor.ConnectAsync(reviewId);
        hub.On<CardView, long>("CardSaved", (card, _) => edited(card.Text));
        hub.On<Delta>("Changed", delta => delta.Cards?.ForEach(card => edited(card.Text)));
        _hub = hub;
    }

    public Task SendAsync(string text) => AddCardAsync(_hub!, text);

    public static Task<CardView> AddCardAsync(HubConnection hub, string text) =>
        hub.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Section, text));

    private sealed record Delta(long Version, List<CardView>? Cards);
}

/// <summary>What a flooder got for its calls, and over how long.</summary>
/// <param name="Ended">How many times the server ended one of its connections.</param>
public sealed record Flooding(long Answered, long Refused, TimeSpan Took, long Ended = 0)
{
    public static readonly Flooding None = new(0, 0, TimeSpan.Zero);

    public Flooding Add(Flooding other) => new(Answered + other.Answered, Refused + other.Refused, Took + other.Took, Ended + other.Ended);
}

/// <summary>
/// One invitee with several tabs open, each calling AddCard as fast as the server answers, several calls
/// in flight at once, calling again whether the answer was a card or a refusal (a HubException), and
/// connecting again at once whenever a connection is ended.
/// </summary>
public sealed class ReviewRoomFlooder(Visitor visitor, string reviewId)
{
    private long _answered;
    private long _refused;
    private long _ended;

    /// <summary>Opens the tabs, floods until <paramref name="meanwhile"/> is done, then waits for the calls in flight and disconnects.</summary>
    public async Task<Flooding> FloodAsync(int tabs, int inFlight, Func<Task> meanwhile)
    {
        (_answered, _refused, _ended) = (0, 0, 0);
        var hubs = Enumerable.Range(0, tabs).Select(_ => visitor.Connection(reviewId)).ToList();
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource();
        hubs.ForEach(hub => hub.Closed += _ => Task.FromResult(stop.IsCancellationRequested ? 0 : Interlocked.Increment(ref _ended)));
        var calling = Task.WhenAll(hubs.SelectMany(hub =>
        {
            var connecting = new SemaphoreSlim(1, 1);
            return Enumerable.Repeat(hub, inFlight).Select(h => CallAsync(h, connecting, stop.Token));
        }));
        await meanwhile();
        await stop.CancelAsync();
        await calling;
        var took = Stopwatch.GetElapsedTime(started);
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        return new(_answered, _refused, took, _ended);
    }

    private async Task CallAsync(HubConnection hub, SemaphoreSlim connecting, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (hub.State != HubConnectionState.Connected && !await ConnectAsync(hub, connecting))
            {
                continue;
            }

            try
            {
                await ReviewRoomMember.AddCardAsync(hub, "flood");
                Interlocked.Increment(ref _answered);
            }
            catch (HubException)
            {
                Interlocked.Increment(ref _refused);
            }
            catch (Exception)
            {
                // Not connected (ended by the server, or another call is connecting it): the next turn connects again.
            }
        }
    }

    private static async Task<bool> ConnectAsync(HubConnection hub, SemaphoreSlim connecting)
    {
        await connecting.WaitAsync();
        try
        {
            if (hub.State == HubConnectionState.Disconnected)
            {
                await hub.StartAsync();
            }

            return true;
        }
        catch (Exception)
        {
            return false;
        }
        finally
        {
            connecting.Release();
        }
    }
}
