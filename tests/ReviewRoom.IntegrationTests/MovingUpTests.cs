using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;
using ReviewRoom.Storage;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>An organisation outgrows one server: everything in its LiteDB file is copied into PostgreSQL, and nothing is left behind.</summary>
public sealed class MovingUpTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly JsonSerializerOptions Whole = new() { WriteIndented = true };

    private readonly DataFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task CopyingALiteDbFileIntoPostgreSql_KeepsEveryReviewAccountInvitationAndTrailLine()
    {
        string kept, link;
        await using (var app = new ReviewRoomFactory(_data))
        {
            await using var fran = await app.NewFacilitatorAsync();
            await using var colleague = await app.NewFacilitatorAsync();
            kept = await fran.CreateReviewAsync("Alex Smith");
            link = await fran.InviteAsync(kept, "Ana Jones", "sister");
            await (await fran.ConnectAsync(kept)).InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Alex is kind"));
            await fran.AskToJoinAsync("000000");
            var gone = await fran.CreateReviewAsync("Sam Jones");
            await app.Services.GetRequiredService<ReviewService>().DeleteAsync([gone], "test", "person-deleted");
        }

        var connection = await postgres.Server.NewDatabaseAsync();
        IReadOnlyList<string> reviews;
        (int, int, int) copied;
        string fromLite, fromPostgres;
        await using (var lite = new ReviewRoomFactory(_data))
        {
            var from = lite.Services.GetRequiredService<LiteDbStore>();
            using var to = new PostgreSqlStore(Options.Create(new ReviewRoomOptions { PostgreSql = connection }), NullLogger<PostgreSqlStore>.Instance);
            copied = await MoveToPostgreSql.CopyAsync(from, to);
            reviews = [.. from.WholeTrail().Select(a => a.ReviewId).Distinct()];
            fromLite = Everything(from, reviews);
            fromPostgres = Everything(to, reviews);
            await Assert.ThrowsAsync<InvalidOperationException>(() => MoveToPostgreSql.CopyAsync(from, to));
        }

        await using var onPostgres = new ReviewRoomFactory(_data, settings: new Dictionary<string, string?> { ["ReviewRoom:Store"] = "PostgreSql", ["ReviewRoom:PostgreSql"] = connection });
        await using var franAgain = new Visitor(onPostgres);
        var signedIn = await franAgain.SignInAsync("fran@example.org");
        await using var ana = new Visitor(onPostgres);
        var joined = await ana.JoinAsync(link);
        var board = await ana.Http.GetStringAsync($"/reviews/{kept}");

        Assert.Equal((1, 2), (copied.Item1, copied.Item2));
        Assert.Equal(fromLite, fromPostgres);
        Assert.Contains("person-deleted", fromPostgres, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Contains("Alex is kind", board, StringComparison.Ordinal);
    }

    // All a store holds, as one text: each review whole, every account, every trail line, the join-code counts.
    private static string Everything(IReviewStore store, IReadOnlyList<string> trails) => JsonSerializer.Serialize(new
    {
        Reviews = store.AllSummaries().OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => store.Find(s.Id)),
        Accounts = ((Accounts.IAccountStore)store).Accounts().OrderBy(a => a.Id, StringComparer.Ordinal),
        Trails = trails.Order(StringComparer.Ordinal).Select(id => store.TrailOf(id)),
        Tries = ((Access.IJoinCodeTriesStore)store).LoadTries().OrderBy(t => t.Key, StringComparer.Ordinal),
    }, Whole);
}
