using System.Collections.Concurrent;
using System.Net;
using LiteDB;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.Storage;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// A change is answered only once its bytes are forced to disk, checkpoints included; a write that
/// fails is refused to its own caller only, and the health check says the store cannot write.
/// </summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly DataFolder _data = new();
    private readonly PowerCutDisk _disk;
    private readonly ConcurrentDictionary<string, (byte[] Data, byte[] Log)> _cutWhenAnswered = new();
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;

    public DurabilityTests() => _disk = new PowerCutDisk(_data.Path);

    public async ValueTask InitializeAsync()
    {
        // A checkpoint every dozen pages: most changes stay in the log, and now and then the log is emptied into the data file.
        _app = new ReviewRoomFactory(_data, settings: new Dictionary<string, string?> { ["ReviewRoom:CheckpointPages"] = "12" })
        {
            Replace = services =>
            {
                services.AddSingleton<DatabaseFiles>(_disk);
                services.AddSignalR(o => o.AddFilter(new PowerCutWhenAnswered(_disk, _cutWhenAnswered)));
            },
        };
        _fran = await _app.NewFacilitatorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fran.DisposeAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task EveryAnsweredCard_SurvivesAPowerCutAtTheMomentItIsAnswered()
    {
        var checkpointsBefore = _disk.Data.ForcedFlushes;

        var lost = await CardsLostToAPowerCutWhenAnsweredAsync(60);

        Assert.Empty(lost);
        Assert.True(_disk.Data.ForcedFlushes > checkpointsBefore + 3, $"only {_disk.Data.ForcedFlushes - checkpointsBefore} checkpoints ran");
    }

    // The check above, against a log written the way LiteDB 5.0.20 wrote it (after Commit() returned): it finds the loss.
    [Fact]
    public async Task APowerCutWhenAnswered_FindsTheLoss_WhenTheLogIsWrittenAfterTheCommitReturns()
    {
        _disk.LogWritesLandLate = true;

        var lost = await CardsLostToAPowerCutWhenAnsweredAsync(20);

        Assert.NotEmpty(lost);
    }

    private async Task<List<string>> CardsLostToAPowerCutWhenAnsweredAsync(int cards)
    {
        var reviewId = await _fran.CreateReviewAsync();
        var room = await _fran.ConnectAsync(reviewId);
        List<string> lost = [];
        for (var i = 0; i < cards; i++)
        {
            var card = await room.InvokeAsync<CardView>("AddCard", $"op-{i}", new CardDraft("like-and-admire", $"Card {i} " + new string('x', i % 10 == 9 ? 900 : 20)));
            var (data, log) = _cutWhenAnswered[card.Id];
            if (!CardSurvives(data, log, card.Id))
            {
                lost.Add(card.Text[..7]);
            }
        }

        return lost;
    }

    [Fact]
    public async Task AWriteThatFails_IsRefusedToItsCallerOnly_AndTheOthersAreSaved()
    {
        List<HubConnection> rooms = [];
        for (var i = 0; i < 6; i++)
        {
            rooms.Add(await _fran.ConnectAsync(await _fran.CreateReviewAsync($"Person {i}")));
        }

        _disk.WritesToFail = 1;
        var attempts = rooms.Select(async (room, i) =>
        {
            try
            {
                return (i, Card: await room.InvokeAsync<CardView>("AddCard", $"op-{i}", new CardDraft("like-and-admire", $"Words {i}")), Refusal: (string?)null);
            }
            catch (HubException refused)
            {
                return (i, Card: (CardView?)null, Refusal: refused.Message);
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        var refused = Assert.Single(results, r => r.Refusal is not null);
        Assert.Contains("That was not saved", refused.Refusal, StringComparison.Ordinal);
        var (data, log) = _disk.PowerCut();
        Assert.All(results.Where(r => r.Card is not null), r => Assert.True(CardSurvives(data, log, r.Card!.Id), $"card {r.i} was answered but is not on disk"));
        var retried = await rooms[refused.i].InvokeAsync<CardView>("AddCard", $"op-{refused.i}", new CardDraft("like-and-admire", $"Words {refused.i}"));
        var board = await rooms[refused.i].InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Equal(retried.Id, Assert.Single(board.Sections.Single(s => s.Id == "like-and-admire").Cards).Id);
    }

    [Fact]
    public async Task WhileTheDiskIsFull_ChangesAreRefusedAndHealthSaysSo_AndAfterwardsBothRecover()
    {
        var reviewId = await _fran.CreateReviewAsync();
        var room = await _fran.ConnectAsync(reviewId);
        var before = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Equal(HttpStatusCode.OK, (await _fran.Http.GetAsync("/health")).StatusCode);

        _disk.WritesToFail = int.MaxValue;
        var refusal = await Assert.ThrowsAsync<HubException>(() => room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Lost?")));
        var health = await _fran.Http.GetAsync("/health");
        var during = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.Contains("That was not saved", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("No space left", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(before.Version, during.Version);
        Assert.Empty(during.Sections.Single(s => s.Id == "like-and-admire").Cards);

        _disk.WritesToFail = 0;
        Assert.Equal(HttpStatusCode.OK, (await _fran.Http.GetAsync("/health")).StatusCode);
        var card = await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Saved now"));
        var (data, log) = _disk.PowerCut();
        Assert.True(CardSurvives(data, log, card.Id));

        // What LiteDB left of the failed write must not end the process when it is collected.
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    /// <summary>Cuts the power the moment a hub call has its answer, before the answer is sent, and keeps what the disk held.</summary>
    private sealed class PowerCutWhenAnswered(PowerCutDisk disk, ConcurrentDictionary<string, (byte[] Data, byte[] Log)> cuts) : IHubFilter
    {
        public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
        {
            var answer = await next(invocationContext);
            if (answer is CardView card)
            {
                cuts[card.Id] = disk.PowerCut();
            }

            return answer;
        }
    }

    /// <summary>Opens what a power cut left, as a restarted server would (replaying the log), and looks for the card.</summary>
    private static bool CardSurvives(byte[] data, byte[] log, string cardId)
    {
        using var database = new LiteDatabase(new MemoryStream(data), new BsonMapper(), new MemoryStream(log));
        return database.GetCollection("cards").FindById(cardId) is not null;
    }
}
