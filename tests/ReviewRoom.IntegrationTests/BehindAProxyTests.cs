using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// ReviewRoom as it runs on more than one server: two server processes sharing one PostgreSQL and one
/// Redis, behind haproxy with sticky sessions, and one of them killed mid-meeting.
/// </summary>
public sealed class BehindAProxyTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Cards = "like-and-admire";
    private const int CardsEach = 20;
    private const int AnsweredBeforeTheKill = 20;
    private const int KeptEach = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DataFolder _firstsData = new();
    private readonly DataFolder _secondsData = new();

    public void Dispose()
    {
        _firstsData.Dispose();
        _secondsData.Dispose();
    }

    [Fact]
    public async Task TwoServersBehindHaProxy_RunOneReview_AndWhenOneIsKilled_ItsPeopleCarryOnOnTheOther_WithEveryAnsweredChangeKept()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = ServerProcess.AsEnvironment((await postgres.SettingsFor(StoreEngine.PostgreSql)).Append(new("ReviewRoom:Redis", redis.Configuration)));
        await using var first = await ServerProcess.StartAsync(_firstsData, settings);
        await using var second = await ServerProcess.StartAsync(_secondsData, settings);
        await using var proxy = await HaProxy.StartAsync([first, second]);
        // Set up on the first server, whose log has the setup code; from then on, by the proxy.
        await using var franOnTheFirst = await first.NewFacilitatorAsync();
        await using var fran = franOnTheFirst.On(proxy);
        var reviewId = await fran.CreateReviewAsync();
        List<Visitor> people = [fran];
        foreach (var (name, relationship) in new[] { ("Ana Jones", "sister"), ("Raj Patel", "support worker"), ("Bo Lane", "friend"), ("Cy Wynn", "neighbour") })
        {
            var visitor = new Visitor(proxy);
            await visitor.JoinAsync(await fran.InviteAsync(reviewId, name, relationship));
            people.Add(visitor);
        }

        // Five people add twenty cards each at the same moment, split between the servers.
        var rooms = await Task.WhenAll(people.Select(p => p.ConnectAsync(reviewId)));
        var servedBy = people.Select(p => p.CookieValue(HaProxy.StickyCookie)).ToList();
        var added = await Task.WhenAll(rooms.Select((room, who) => Task.WhenAll(Enumerable.Range(0, CardsEach).Select(i =>
            room.InvokeAsync<CardView>("AddCard", $"op-{who}-{i}", new CardDraft(Cards, $"Card {who}-{i}"))))));
        var boards = await Task.WhenAll(rooms.Select(room => room.InvokeAsync<BoardSnapshot>("GetSnapshot")));
        var hundred = added.SelectMany(cards => cards.Select(c => c.Text)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([HaProxy.ServerName(0), HaProxy.ServerName(1)], servedBy.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(people.Count * CardsEach, hundred.Distinct().Count());
        Assert.All(boards, board => Assert.Equal(hundred, TextsOn(board)));
        Assert.Single(boards.Select(b => b.Version).Distinct());

        // Everyone keeps adding cards, up to eight each; once twenty more are answered, the first server is killed.
        var answered = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Task.WhenAll(rooms.Select((room, who) => WriteUntilKilledAsync(room, who)));
        Assert.True(answered.Count >= AnsweredBeforeTheKill, $"{answered.Count} answered");
        await first.ExitedAsync();

        // Its people come back through the proxy, which sends them to the second server, and carry on.
        var again = await Task.WhenAll(people.Select(p => p.ConnectAsync(reviewId)).ToList()).WaitAsync(Patience);
        var after = await Task.WhenAll(again.Select((room, who) => room.InvokeAsync<CardView>("AddCard", $"op-{who}-after", new CardDraft(Cards, $"After {who}"))));
        var board = await again[0].InvokeAsync<BoardSnapshot>("GetSnapshot");

        var onTheBoard = TextsOn(board);
        Assert.Equal(onTheBoard.Count, onTheBoard.Distinct().Count());
        Assert.Empty(hundred.Concat(answered).Concat(after.Select(c => c.Text)).Except(onTheBoard));

        async Task WriteUntilKilledAsync(HubConnection room, int who)
        {
            for (var i = 0; !killed.Task.IsCompleted; i++)
            {
                // Each person stays inside their own rate limit (30 at once): the kill comes from the others' cards.
                if (i == KeptEach)
                {
                    await killed.Task;
                    return;
                }

                try
                {
                    answered.Enqueue((await room.InvokeAsync<CardView>("AddCard", $"op-{who}-kept-{i}", new CardDraft(Cards, $"Kept {who}-{i}"))).Text);
                }
                catch (Exception) when (killed.Task.IsCompleted)
                {
                    // Said by the killed server's connections: that change was never answered.
                    return;
                }

                if (answered.Count >= AnsweredBeforeTheKill && killed.TrySetResult())
                {
                    first.Kill();
                }
            }
        }
    }

    private static List<string> TextsOn(BoardSnapshot board) =>
        [.. board.Sections.Single(s => s.Id == Cards).Cards.Select(c => c.Text).Order(StringComparer.Ordinal)];
}
