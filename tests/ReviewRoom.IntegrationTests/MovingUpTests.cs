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
        var franBefore = new System.Net.CookieContainer();
        await using (var app = new ReviewRoomFactory(_data))
        {
            await using var fran = new Visitor(app, franBefore);
            await fran.SetUpAsync("Fran Facilitator", "fran@example.org");
            await fran.AddFacilitatorAsync("Cai Colleague", "cai@example.org");
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
            var keys = lite.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository!;
            copied = await MoveToPostgreSql.CopyAsync(from, keys, to);
            reviews = [.. from.WholeTrail().Select(a => a.ReviewId).Distinct()];
            fromLite = Everything(from, reviews);
            fromPostgres = Everything(to, reviews);
            await Assert.ThrowsAsync<InvalidOperationException>(() => MoveToPostgreSql.CopyAsync(from, keys, to));
        }

        await using var onPostgres = new ReviewRoomFactory(_data, settings: new Dictionary<string, string?> { ["ReviewRoom:Store"] = "PostgreSql", ["ReviewRoom:PostgreSql"] = connection });
        // Fran's cookie from the old server still signs her in: its keys came across too.
        await using var franAgain = new Visitor(onPostgres, franBefore);
        var home = await franAgain.Http.GetAsync("/");
        await using var franElsewhere = new Visitor(onPostgres);
        var signedIn = await franElsewhere.SignInAsync("fran@example.org");
        await using var ana = new Visitor(onPostgres);
        var joined = await ana.JoinAsync(link);
        var board = await ana.Http.GetStringAsync($"/reviews/{kept}");

        Assert.Equal((1, 2), (copied.Item1, copied.Item2));
        Assert.Equal(fromLite, fromPostgres);
        Assert.Contains("person-deleted", fromPostgres, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Your reviews", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
