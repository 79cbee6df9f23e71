using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// What the app asks of its store, asked of both engines: the embedded LiteDB file and a real
/// PostgreSQL server. Each test restarts the server, so what it reads back came from the database.
/// </summary>
public sealed partial class StoreContractTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private const string Cards = "like-and-admire";

    private readonly DataFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(StoreEngine.LiteDb)]
    [InlineData(StoreEngine.PostgreSql)]
    public async Task EveryAnsweredChange_AndEveryWayOfFindingAReview_SurviveARestart(StoreEngine engine)
    {
        var settings = await postgres.SettingsFor(engine);
        string reviewId, link, personPage;
        List<string> answered = [];
        await using (var app = new ReviewRoomFactory(_data, settings: settings))
        {
            await using var fran = await app.NewFacilitatorAsync();
            reviewId = await fran.CreateReviewAsync();
            link = await fran.InviteAsync(reviewId, "Ana Jones", "sister");
            var room = await fran.ConnectAsync(reviewId);
            var adding = Enumerable.Range(0, 40).Select(i => room.InvokeAsync<CardView>("AddCard", $"op-{i}", new CardDraft(Cards, $"Card {i}")));
            answered.AddRange((await Task.WhenAll(adding)).Select(c => c.Text));
            await room.InvokeAsync<ActionView>("AddAction", "op-action", new ActionDraft("actions", "Ring the college", "Ana Jones", new DateOnly(2026, 11, 1)));
            personPage = Person().Match(await fran.Http.GetStringAsync("/")).Value;
        }

        await using var restarted = new ReviewRoomFactory(_data, settings: settings);
        await using var franAgain = new Visitor(restarted);
        await franAgain.SignInAsync("fran@example.org");
        await using var ana = new Visitor(restarted);
        var joined = await ana.JoinAsync(link);
        var board = await (await ana.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var home = await franAgain.Http.GetStringAsync("/");
        var person = await franAgain.Http.GetAsync(personPage);
        var code = await franAgain.OpenJoinCodeAsync(reviewId);
        await using var bo = new Visitor(restarted);

        Assert.Equal((HttpStatusCode.Redirect, $"/reviews/{reviewId}"), (joined.StatusCode, joined.Headers.Location?.OriginalString));
        Assert.Equal(answered.Order(StringComparer.Ordinal), board.Sections.Single(s => s.Id == Cards).Cards.Select(c => c.Text).Order(StringComparer.Ordinal));
        Assert.Contains("Sam Jones: Annual review", home, StringComparison.Ordinal);
        Assert.Contains("Ring the college", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.Equal($"/lobby/{reviewId}", await bo.AskToJoinAsync(code));
    }

    [Theory]
    [InlineData(StoreEngine.LiteDb)]
    [InlineData(StoreEngine.PostgreSql)]
    public async Task TheTrail_KeepsChangesAndViewsInOrder_AndADeletionLeavesOnlyItsOwnFact(StoreEngine engine)
    {
        await using var app = new ReviewRoomFactory(_data, settings: await postgres.SettingsFor(engine));
        await using var fran = await app.NewFacilitatorAsync();
        var deleted = await fran.CreateReviewAsync("Sam Jones");
        var kept = await fran.CreateReviewAsync("Alex Smith");
        await (await fran.ConnectAsync(deleted)).InvokeAsync<CardView>("AddCard", "op-1", new CardDraft(Cards, "Secret words"));
        await fran.Http.GetStringAsync($"/minutes/{deleted}/download");
        var store = app.Services.GetRequiredService<IReviewStore>();
        var trail = store.TrailOf(deleted).Select(a => a.Action).ToList();
        var person = store.FindReviewsOf(store.Find(deleted)!.Record.PersonId).Single().PersonId;

        var erased = await fran.PostFormAsync($"/administration/people/{person}", $"/administration/people/{person}/delete", new() { ["typedName"] = "Sam Jones" });

        Assert.Equal(["review-created", "card-added", "minutes-downloaded"], trail);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Null(store.Find(deleted));
        Assert.Empty(store.FindReviewsOf(person));
        Assert.Equal(["person-deleted"], store.TrailOf(deleted).Select(a => a.Action));
        Assert.Equal([kept], store.AllSummaries().Select(s => s.Id));
        Assert.NotNull(store.Find(kept));
    }

    [System.Text.RegularExpressions.GeneratedRegex("/people/[0-9a-f]{32}")]
    private static partial System.Text.RegularExpressions.Regex Person();
}
