using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// The real server, killed with SIGKILL while four people write cards as fast as it answers, and
/// started again on the same folder, over and over. REVIEWROOM_CRASH_CYCLES sets how many times
/// (20 by default); REVIEWROOM_CRASH_SEED replays a run's choice of when to kill.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Section = "important-to-now";

    // Writing flat out is the point; the server's rate limits must not refuse it.
    private static readonly Dictionary<string, string> FlatOut = new()
    {
        ["ReviewRoom__Limits__ChangesPerSecond"] = "100000",
        ["ReviewRoom__Limits__ChangeBurst"] = "100000",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DataFolder _data = new();
    private ServerProcess _server = null!;
    private List<Visitor> _people = [];

    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(_data, FlatOut);

    public async ValueTask DisposeAsync()
    {
        await DisposePeopleAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task Killed_server_keeps_every_answered_card_exactly_once_and_applies_a_resent_card_once()
    {
        var cycles = int.Parse(Environment.GetEnvironmentVariable("REVIEWROOM_CRASH_CYCLES") ?? "20", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("REVIEWROOM_CRASH_SEED") ?? Random.Shared.Next().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var random = new Random(seed);
        output.WriteLine($"{cycles} cycles, seed {seed}");
        var took = Stopwatch.StartNew();

        var fran = await _server.NewFacilitatorAsync();
        _people.Add(fran);
        var reviewId = await fran.CreateReviewAsync();
        foreach (var (name, relationship) in new[] { ("Ana Jones", "sister"), ("Raj Patel", "support worker"), ("Bo Lane", "friend") })
        {
            var invitee = new Visitor(_server);
            _people.Add(invitee);
            await invitee.JoinAsync(await fran.InviteAsync(reviewId, name, relationship));
        }

        var kept = new HashSet<string>();
        var rooms = await ConnectAsync(reviewId);
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var writing = new Writing(random.Next(5, 61), _server.Kill);
            var phase = Stopwatch.StartNew();
            await Task.WhenAll(rooms.Select((room, writer) => WriteUntilKilledAsync(room, writer, cycle, writing))).WaitAsync(Patience);
            var wrote = phase.Elapsed;
            await RestartAsync();
            rooms = await ConnectAsync(reviewId);
            var restarted = phase.Elapsed - wrote;

            kept.UnionWith(writing.Answered.Select(c => c.Text));
            var board = await CardsOnBoardAsync(rooms[0]);
            var savedUnanswered = writing.Unanswered.Count(c => board.ContainsKey(c.Text));
            output.WriteLine($"cycle {cycle}: killed after {writing.KillAfter} answers ({wrote.TotalMilliseconds:F0} ms), back in {restarted.TotalMilliseconds:F0} ms; {writing.Answered.Count} answered, " +
                $"{writing.Unanswered.Count} sent but not answered ({savedUnanswered} of them saved); " +
                $"{kept.Count(board.ContainsKey)} of {kept.Count} answered cards found, {board.Values.Sum()} cards on the board");
            Assert.Empty(Lost(kept, board));
            Assert.Empty(Doubled(board));

            // An answered card sent again, as a client that missed the answer would, must not be added twice.
            var retried = writing.Answered.ElementAt(random.Next(writing.Answered.Count));
            foreach (var card in writing.Unanswered.Append(retried))
            {
                var resent = await rooms[card.Writer].InvokeAsync<CardView>("AddCard", card.OperationId, new CardDraft(Section, card.Text));
                Assert.Equal(card.Text, resent.Text);
                kept.Add(card.Text);
            }

            board = await CardsOnBoardAsync(rooms[0]);
            Assert.Empty(Doubled(board));
            Assert.Equal(kept.Order(StringComparer.Ordinal), board.Keys.Order(StringComparer.Ordinal));
        }

        output.WriteLine($"{kept.Count} cards kept through {cycles} kills in {took.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Adds cards one after another until the server stops answering; the answer that reaches the chosen count kills it.</summary>
    private static async Task WriteUntilKilledAsync(HubConnection room, int writer, int cycle, Writing writing)
    {
        for (var n = 1; ; n++)
        {
            var card = new SentCard(writer, $"op-{cycle}-{writer}-{n}", $"Cycle {cycle}, writer {writer}, card {n}");
            CardView saved;
            try
            {
                saved = await room.InvokeAsync<CardView>("AddCard", card.OperationId, new CardDraft(Section, card.Text));
            }
            catch (Exception) when (writing.Killed)
            {
                writing.Unanswered.Add(card);
                return;
            }

            Assert.Equal(card.Text, saved.Text);
            writing.Answer(card);
        }
    }

    private async Task RestartAsync()
    {
        // Disposing waits for the killed process to exit: until then it holds the database file.
        await _server.DisposeAsync();
        ReportTrouble(_server);
        var killed = _people;
        _server = await ServerProcess.StartAsync(_data, FlatOut);
        _people = [.. killed.Select(person => person.On(_server))];
        foreach (var person in killed)
        {
            await person.DisposeAsync();
        }
    }

    private async Task<HubConnection[]> ConnectAsync(string reviewId) =>
        await Task.WhenAll(_people.Select(person => person.ConnectAsync(reviewId)));

    private static async Task<Dictionary<string, int>> CardsOnBoardAsync(HubConnection room)
    {
        var board = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        return board.Sections.SelectMany(s => s.Cards).CountBy(c => c.Text).ToDictionary(StringComparer.Ordinal);
    }

    private static List<string> Lost(HashSet<string> kept, Dictionary<string, int> board) => [.. kept.Where(text => !board.ContainsKey(text))];

    private static List<string> Doubled(Dictionary<string, int> board) => [.. board.Where(card => card.Value > 1).Select(card => $"{card.Key} ({card.Value} times)")];

    /// <summary>Shows what the server logged as failing, each entry with its indented message lines.</summary>
    private void ReportTrouble(ServerProcess server)
    {
        var inTrouble = false;
        foreach (var line in server.LogLines)
        {
            inTrouble = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)
                || (inTrouble && line.StartsWith(' '));
            if (inTrouble)
            {
                output.WriteLine($"server {server.ProcessId}: {line}");
            }
        }
    }

    private async Task DisposePeopleAsync()
    {
        foreach (var person in _people)
        {
            await person.DisposeAsync();
        }
    }

    private sealed record SentCard(int Writer, string OperationId, string Text);

    /// <summary>One cycle's writing, shared by its writers: what was answered, what was not, and when to kill.</summary>
    private sealed class Writing(int killAfter, Action kill)
    {
        private int _answered;
        private volatile bool _killed;

        public int KillAfter { get; } = killAfter;

        public bool Killed => _killed;

        public ConcurrentQueue<SentCard> Answered { get; } = new();

        public ConcurrentBag<SentCard> Unanswered { get; } = [];

        public void Answer(SentCard card)
        {
            Answered.Enqueue(card);
            if (Interlocked.Increment(ref _answered) == KillAfter)
            {
                // Set first: a writer whose call fails must already know the failure is the kill.
                _killed = true;
                kill();
            }
        }
    }
}
