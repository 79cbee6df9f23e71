using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Realtime;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// Two servers on one PostgreSQL database run one review: each change is saved only onto the version
/// it was made on, and one that lost the race is made again on the review as it now is.
/// </summary>
public sealed class TwoServersTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Cards = "like-and-admire";
    private const int CardsEach = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly DataFolder _firstsData = new();
    private readonly DataFolder _secondsData = new();

    public void Dispose()
    {
        _firstsData.Dispose();
        _secondsData.Dispose();
    }

    [Fact]
    public async Task FivePeopleSplitBetweenTwoServers_AddTwentyCardsEachAtOnce_AndBothServersShowTheSameHundred()
    {
        var settings = await postgres.SettingsFor(StoreEngine.PostgreSql);
        await using var first = new ReviewRoomFactory(_firstsData, settings: settings);
        await using var fran = await first.NewFacilitatorAsync();
        var reviewId = await fran.CreateReviewAsync();
        var links = new List<string> { await fran.InvitationLinkShownAsync(reviewId) };
        foreach (var (name, relationship) in new[] { ("Ana Jones", "sister"), ("Raj Patel", "support worker"), ("Bo Lane", "friend") })
        {
            links.Add(await fran.InviteAsync(reviewId, name, relationship));
        }

        // The second server shares only the first's database (its reviews, and the keys that sign cookies), as servers behind one proxy would.
        await using var second = new ReviewRoomFactory(_secondsData, settings: settings);
        List<Visitor> people = [fran];
        foreach (var (link, i) in links.Select((l, i) => (l, i)))
        {
            var visitor = new Visitor(i % 2 == 0 ? second : first);
            await visitor.JoinAsync(link);
            people.Add(visitor);
        }

        var rooms = await Task.WhenAll(people.Select(p => p.ConnectAsync(reviewId)));
        var before = (await rooms[0].InvokeAsync<BoardSnapshot>("GetSnapshot")).Version;
        var added = await Task.WhenAll(rooms.Select((room, who) => Task.WhenAll(Enumerable.Range(0, CardsEach).Select(i =>
            room.InvokeAsync<CardView>("AddCard", $"op-{who}-{i}", new CardDraft(Cards, $"Card {who}-{i}"))))));
        var onFirst = await rooms[0].InvokeAsync<BoardSnapshot>("GetSnapshot");
        var onSecond = await rooms[1].InvokeAsync<BoardSnapshot>("GetSnapshot");

        // A proxy may send anyone to either server: the cookies one signed, the other reads.
        await using var franOnTheSecond = fran.On(second);
        var boardOnTheSecond = await franOnTheSecond.Http.GetAsync($"/reviews/{reviewId}");

        var expected = added.SelectMany(cards => cards.Select(c => c.Text)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(System.Net.HttpStatusCode.OK, boardOnTheSecond.StatusCode);
        Assert.Equal(people.Count * CardsEach, expected.Distinct().Count());
        Assert.Equal(expected, TextsOn(onFirst));
        Assert.Equal(expected, TextsOn(onSecond));
        // One version for each change, whichever server made it: none lost, none counted twice.
        Assert.Equal((before + expected.Count, before + expected.Count), (onFirst.Version, onSecond.Version));
        foreach (var person in people)
        {
            await person.DisposeAsync();
        }
    }

    [Fact]
    public async Task WithRedis_AChangeMadeOnOneServer_ReachesAPageOnTheOther_AsItHappens()
    {
        await using var two = await FranAndAna.StartAsync(postgres, _firstsData, _secondsData);
        var (fran, ana, reviewId) = (two.Fran, two.Ana, two.ReviewId);
        var anasRoom = await ana.ConnectAsync(reviewId);
        var told = new TaskCompletionSource<BoardDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = anasRoom.On<BoardDelta>("Changed", delta =>
        {
            if (delta.Cards?.Any(c => c.Text == "Made on the first server") == true)
            {
                told.TrySetResult(delta);
            }
        });

        var added = await (await fran.ConnectAsync(reviewId)).InvokeAsync<CardView>("AddCard", "op-1", new CardDraft(Cards, "Made on the first server"));
        var delta = await told.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(added.Id, Assert.Single(delta.Cards!).Id);
    }

    [Fact]
    public async Task WithRedis_EachServerSeesWhoIsHereAndTheCardsHeldUpOnTheOther_AndSomeoneRemovedOnOneLosesTheirPageOnTheOther()
    {
        await using var two = await FranAndAna.StartAsync(postgres, _firstsData, _secondsData);
        var (fran, ana, reviewId) = (two.Fran, two.Ana, two.ReviewId);
        var franRoom = await fran.ConnectAsync(reviewId);
        var participants = (await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants;
        var (franId, anaId) = (participants.Single(p => p.Role == Role.Facilitator).Id, participants.Single(p => p.Name == "Ana Jones").Id);
        var anaHere = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var presence = franRoom.On<IReadOnlyList<string>>("PresenceChanged", here =>
        {
            if (here.Contains(anaId))
            {
                anaHere.TrySetResult(here);
            }
        });

        // Ana's arrival is announced by the second server, which knows Fran is here on the first.
        var anasRoom = await ana.ConnectAsync(reviewId);
        var hereWhenAnaCame = await anaHere.Task.WaitAsync(Patience);
        await anasRoom.InvokeAsync("HoldUp", TrafficLight.Red);
        // A page opened on the first server afterwards is told the card Ana holds up on the second.
        var franSecondTab = fran.Connection(reviewId);
        var lightsOnArrival = new TaskCompletionSource<IReadOnlyList<HeldUp>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var lights = franSecondTab.On<IReadOnlyList<HeldUp>>("TrafficLightsChanged", held => lightsOnArrival.TrySetResult(held));
        await franSecondTab.StartAsync();
        var heldOnArrival = await lightsOnArrival.Task.WaitAsync(Patience);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        anasRoom.Closed += _ => Task.FromResult(closed.TrySetResult());

        var removed = await fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/remove", new() { ["participantId"] = anaId });

        Assert.Equal(new[] { franId, anaId }.Order(StringComparer.Ordinal), hereWhenAnaCame);
        Assert.Equal(new HeldUp(anaId, TrafficLight.Red), Assert.Single(heldOnArrival));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, removed.StatusCode);
        await closed.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task WithRedis_OnePersonsChanges_AndOneAddresssPostsToTheDoors_AreCountedOnce_WhicheverServerTheyReach()
    {
        await using var two = await FranAndAna.StartAsync(postgres, _firstsData, _secondsData, new Dictionary<string, string?>
        {
            ["ReviewRoom:Limits:ChangeBurst"] = "5",
            ["ReviewRoom:Limits:ChangesPerSecond"] = "0.01",
            ["ReviewRoom:Limits:DoorPostsPerMinute"] = "5",
        });
        var onSecond = await two.Ana.ConnectAsync(two.ReviewId);
        for (var i = 0; i < 5; i++)
        {
            await onSecond.InvokeAsync<CardView>("AddCard", $"op-{i}", new CardDraft(Cards, $"Card {i}"));
        }

        await using var anaOnTheFirst = two.Ana.On(two.First);
        var onFirst = await anaOnTheFirst.ConnectAsync(two.ReviewId);
        var refusal = await Assert.ThrowsAsync<HubException>(() => onFirst.InvokeAsync<CardView>("AddCard", "op-5", new CardDraft(Cards, "One too many")));
        // Ten posts to the join door, half to each server, on top of Fran's setting up and signing in.
        await using var guesser = new Visitor(two.First);
        await using var guesserOnTheSecond = guesser.On(two.Second);
        var token = JoinByCodeTests.Antiforgery(await guesser.Http.GetStringAsync("/join"));
        var doors = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var posted = await (i % 2 == 0 ? guesser : guesserOnTheSecond).Http.PostAsync("/join", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Code"] = $"9{i:D5}", ["Name"] = "Guess", ["Relationship"] = "none",
            }));
            doors.Add(posted.StatusCode);
        }

        Assert.Contains("faster than this room allows", refusal.Message, StringComparison.Ordinal);
        // Five a minute in all: each server on its own would have let in five of its own.
        Assert.InRange(doors.Count(d => d == System.Net.HttpStatusCode.OK), 1, 5);
        Assert.All(doors, d => Assert.Contains(d, new[] { System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.TooManyRequests }));
    }

    [Fact]
    public async Task WhenRedisRestartsMidMeeting_AChangeMadeWhileItWasAwayIsAnswered_AndAPageOnTheOtherServerCatchesUpWithIt()
    {
        await using var two = await FranAndAna.StartAsync(postgres, _firstsData, _secondsData);
        var (fran, ana, reviewId) = (two.Fran, two.Ana, two.ReviewId);
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasRoom = await ana.ConnectAsync(reviewId);
        var before = (await anasRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Version;

        await two.Redis.StopAsync();
        var whileAway = await franRoom.InvokeAsync<CardView>("AddCard", "op-away", new CardDraft(Cards, "Made while Redis was away")).WaitAsync(Patience);
        // The doors stay open too, held to each server's own count.
        await using var bo = new Visitor(two.Second);
        var wrongCode = await bo.PostFormAsync("/join", "/join", new() { ["Code"] = "123456", ["Name"] = "Bo Lane", ["Relationship"] = "friend" });
        await two.Redis.StartAgainAsync();
        // Ana's page, coming back to the board, reads it as saved.
        var caughtUp = await (await ana.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.Equal(System.Net.HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.Contains("That code did not work", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, caughtUp.Version);
        Assert.Equal(["Made while Redis was away"], TextsOn(caughtUp));
        Assert.Equal(whileAway.Id, caughtUp.Sections.Single(s => s.Id == Cards).Cards.Single().Id);
    }

    [Fact]
    public async Task ChangesToManyReviewsAtOnceOnBothServers_AreAllSaved_ThoughTheServersTakeTheReviewsInDifferentOrders()
    {
        const int Reviews = 8;
        const int CardsPerReviewAndServer = 15;
        var settings = await postgres.SettingsFor(StoreEngine.PostgreSql);
        await using var first = new ReviewRoomFactory(_firstsData, settings: settings);
        await using var fran = await first.NewFacilitatorAsync();
        var reviewIds = new List<string>();
        for (var r = 0; r < Reviews; r++)
        {
            reviewIds.Add(await fran.CreateReviewAsync($"Person {r}"));
        }

        await using var second = new ReviewRoomFactory(_secondsData, settings: settings);
        await using var franOnTheSecond = fran.On(second);
        var rooms = new List<(string ReviewId, HubConnection Room, string Server)>();
        foreach (var reviewId in reviewIds)
        {
            rooms.Add((reviewId, await fran.ConnectAsync(reviewId), "first"));
            rooms.Add((reviewId, await franOnTheSecond.ConnectAsync(reviewId), "second"));
        }

        // Each server's writer takes the reviews' changes in whatever order they come: the two orders differ.
        var added = await Task.WhenAll(rooms.SelectMany(r => Enumerable.Range(0, CardsPerReviewAndServer).Select(async i =>
            (r.ReviewId, (await r.Room.InvokeAsync<CardView>("AddCard", $"op-{r.Server}-{i}", new CardDraft(Cards, $"{r.Server} {i}"))).Text))));
        var boards = await Task.WhenAll(rooms.Where(r => r.Server == "first").Select(r => r.Room.InvokeAsync<BoardSnapshot>("GetSnapshot")));

        Assert.All(boards.Zip(reviewIds), b => Assert.Equal(
            added.Where(a => a.ReviewId == b.Second).Select(a => a.Text).Order(StringComparer.Ordinal),
            TextsOn(b.First)));
    }

    [Fact]
    public async Task TenPeopleOpeningTheirLinksAtOnce_HalfOnEachServer_AllComeIn()
    {
        var settings = await postgres.SettingsFor(StoreEngine.PostgreSql);
        await using var first = new ReviewRoomFactory(_firstsData, settings: settings);
        await using var fran = await first.NewFacilitatorAsync();
        var reviewId = await fran.CreateReviewAsync();
        List<string> links = [];
        for (var i = 0; i < 10; i++)
        {
            links.Add(await fran.InviteAsync(reviewId, $"Invitee {i}", "friend"));
        }

        await using var second = new ReviewRoomFactory(_secondsData, settings: settings);
        var people = links.Select((_, i) => new Visitor(i % 2 == 0 ? first : second)).ToList();

        var joined = await Task.WhenAll(people.Zip(links, (person, link) => person.JoinAsync(link)));
        var board = await (await fran.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.All(joined, j => Assert.Equal(System.Net.HttpStatusCode.Redirect, j.StatusCode));
        Assert.Equal(10, board.Participants.Count(p => p.HasJoined && p.Name.StartsWith("Invitee", StringComparison.Ordinal)));
        foreach (var person in people)
        {
            await person.DisposeAsync();
        }
    }

    [Fact]
    public async Task WrongJoinCodesSentAtOnceToTwoServers_AreHeldToOneBudget()
    {
        var settings = await postgres.SettingsFor(StoreEngine.PostgreSql);
        await using var first = new ReviewRoomFactory(_firstsData, settings: settings);
        await using var fran = await first.NewFacilitatorAsync();
        await fran.OpenJoinCodeAsync(await fran.CreateReviewAsync());
        await using var second = new ReviewRoomFactory(_secondsData, settings: settings);
        await using var guesser = new Visitor(first);
        await using var guesserOnTheSecond = guesser.On(second);
        var token = JoinByCodeTests.Antiforgery(await guesser.Http.GetStringAsync("/join"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? guesser : guesserOnTheSecond).Http.PostAsync("/join", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Code"] = $"9{i:D5}", ["Name"] = "Guess", ["Relationship"] = "none",
            }));
            return JoinByCodeTests.Errors(await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(Access.JoinCodeBudget.PerAddress + 1, answers.Count(a => a.Contains("That code did not work", StringComparison.Ordinal)));
        Assert.Equal(40 - Access.JoinCodeBudget.PerAddress - 1, answers.Count(a => a.Contains("Wait 30 seconds, then try again", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Two servers on one fresh database and a Redis of their own: Fran, on the first, has made a review
    /// and invited Ana, who has opened her link on the second.
    /// </summary>
    private sealed class FranAndAna : IAsyncDisposable
    {
        private readonly Stack<IAsyncDisposable> _owned = new();

        public RedisServer Redis { get; private set; } = null!;

        public ReviewRoomFactory First { get; private set; } = null!;

        public ReviewRoomFactory Second { get; private set; } = null!;

        public Visitor Fran { get; private set; } = null!;

        public Visitor Ana { get; private set; } = null!;

        public string ReviewId { get; private set; } = "";

        public static async Task<FranAndAna> StartAsync(PostgresFixture postgres, DataFolder firstsData, DataFolder secondsData, IReadOnlyDictionary<string, string?>? more = null)
        {
            var two = new FranAndAna();
            two.Redis = two.Own(await RedisServer.StartAsync());
            var settings = new Dictionary<string, string?>(await postgres.SettingsFor(StoreEngine.PostgreSql)) { ["ReviewRoom:Redis"] = two.Redis.Configuration };
            foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            two.First = two.Own(new ReviewRoomFactory(firstsData, settings: settings));
            two.Fran = two.Own(await two.First.NewFacilitatorAsync());
            two.ReviewId = await two.Fran.CreateReviewAsync();
            var link = await two.Fran.InviteAsync(two.ReviewId, "Ana Jones", "sister");
            two.Second = two.Own(new ReviewRoomFactory(secondsData, settings: settings));
            two.Ana = two.Own(new Visitor(two.Second));
            await two.Ana.JoinAsync(link);
            return two;
        }

        public async ValueTask DisposeAsync()
        {
            while (_owned.TryPop(out var owned))
            {
                await owned.DisposeAsync();
            }
        }

        private T Own<T>(T owned)
            where T : IAsyncDisposable
        {
            _owned.Push(owned);
            return owned;
        }
    }

    private static List<string> TextsOn(BoardSnapshot board) =>
        [.. board.Sections.Single(s => s.Id == Cards).Cards.Select(c => c.Text).Order(StringComparer.Ordinal)];
}
