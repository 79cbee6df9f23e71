using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

public sealed class ReviewRoomTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task CreateReview_OverHttp_MakesTheCreatorItsFacilitator()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();

        var reviewId = await facilitator.CreateReviewAsync();

        var board = await facilitator.Http.GetStringAsync($"/reviews/{reviewId}");
        Assert.Contains("<h1 class=\"govuk-heading-xl\">Annual review</h1>", board, StringComparison.Ordinal);
        Assert.Contains("Invite someone", board, StringComparison.Ordinal);
        Assert.Contains("What we like and admire about Sam Jones", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateReview_WithMissingAndOverlongFields_ShowsEveryProblemAndSavesNothing()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();

        var response = await facilitator.PostFormAsync("/reviews/new", "/reviews/new", new()
        {
            ["PersonName"] = new string('x', 101),
            ["Title"] = "",
            ["Date"] = "not a date",
            ["TemplateId"] = "person-centred-review",
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("The person&#x27;s name must be 100 characters or fewer", page, StringComparison.Ordinal);
        Assert.Contains("Enter a title for the review", page, StringComparison.Ordinal);
        Assert.Contains("Enter the date of the review", page, StringComparison.Ordinal);
        Assert.StartsWith("Error:", TitleOf(page), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("rr-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreateReview_WithoutAntiforgeryToken_IsRefused()
    {
        await using var visitor = await _app.NewFacilitatorAsync();

        var response = await visitor.Http.PostAsync("/reviews/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PersonName"] = "Sam",
            ["Title"] = "Review",
            ["Date"] = "2026-12-01",
            ["TemplateId"] = "person-centred-review",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Card_AddedByInvitedRelative_ReachesTheFacilitatorLive()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        await using var relative = new Visitor(_app);
        var reviewId = await facilitator.CreateReviewAsync();
        var link = await facilitator.InviteAsync(reviewId, "Ana Jones", "sister");
        var joined = await relative.JoinAsync(link);
        Assert.Equal($"/reviews/{reviewId}", joined.Headers.Location!.OriginalString);

        var facilitatorRoom = await facilitator.ConnectAsync(reviewId);
        var received = new TaskCompletionSource<(CardView Card, long Version)>();
        facilitatorRoom.On<BoardDelta>("Changed", delta =>
        {
            if (delta.Cards is [var card])
            {
                received.TrySetResult((card, delta.Version));
            }
        });
        var relativeRoom = await relative.ConnectAsync(reviewId);

        var saved = await relativeRoom.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Sam makes everyone laugh"));

        var (card, _) = await received.Task.WaitAsync(Patience);
        Assert.Equal(saved.Id, card.Id);
        Assert.Equal("Sam makes everyone laugh", card.Text);
        Assert.Equal("Ana Jones", card.AuthorName);
        Assert.Equal("sister", card.AuthorRelationship);
    }

    [Fact]
    public async Task BoardWideChanges_ReachEveryoneAsDeltas_OneVersionEach_WithOnlyWhatChanged()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        await using var relative = new Visitor(_app);
        var reviewId = await facilitator.CreateReviewAsync();
        await relative.JoinAsync(await facilitator.InviteAsync(reviewId, "Ana Jones", "sister"));
        var room = await facilitator.ConnectAsync(reviewId);
        var relativeRoom = await relative.ConnectAsync(reviewId);
        var start = (await relativeRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Version;
        List<BoardDelta> heard = [];
        var allHeard = new TaskCompletionSource();
        relativeRoom.On<BoardDelta>("Changed", delta =>
        {
            heard.Add(delta);
            if (heard.Count == 4)
            {
                allHeard.TrySetResult();
            }
        });

        await room.InvokeAsync("SetNowDiscussing", "important-to-now");
        await room.InvokeAsync("SetLocked", "important-to-now", true);
        await room.InvokeAsync("SetQuietWriting", "like-and-admire", true);
        await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Only I see this for now"));
        await allHeard.Task.WaitAsync(Patience);

        Assert.Equal([start + 1, start + 2, start + 3, start + 4], heard.Select(d => d.Version));
        Assert.Equal("important-to-now", heard[0].Board?.NowDiscussing);
        Assert.Null(heard[0].Cards);
        Assert.True(Assert.Single(heard[1].Sections!).Locked);
        Assert.Null(heard[1].Board);
        Assert.True(Assert.Single(heard[2].Sections!).QuietWriting);
        Assert.Equal(new BoardDelta(start + 4), heard[3]);
    }

    [Fact]
    public async Task AddCard_SentTwiceWithOneOperationId_AddsOneCard()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        var reviewId = await facilitator.CreateReviewAsync();
        var room = await facilitator.ConnectAsync(reviewId);

        var first = await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-to-now", "Day centre on Tuesdays"));
        var retry = await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-to-now", "Day centre on Tuesdays"));

        Assert.Equal(first.Id, retry.Id);
        var snapshot = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Single(snapshot.Sections.Single(s => s.Id == "important-to-now").Cards);
    }

    [Fact]
    public async Task AddCard_TooLongOrEmpty_IsRefusedInPlainWordsAndChangesNothing()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        var reviewId = await facilitator.CreateReviewAsync();
        var room = await facilitator.ConnectAsync(reviewId);
        var before = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var tooLong = await Assert.ThrowsAsync<HubException>(() => room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-to-now", new string('a', 1001))));
        var empty = await Assert.ThrowsAsync<HubException>(() => room.InvokeAsync<CardView>("AddCard", "op-2", new CardDraft("important-to-now", "   ")));
        var noSection = await Assert.ThrowsAsync<HubException>(() => room.InvokeAsync<CardView>("AddCard", "op-3", new CardDraft("no-such-section", "Hello")));

        Assert.EndsWith("A card must be 1,000 characters or fewer. Shorten it, or split it into two cards.", tooLong.Message, StringComparison.Ordinal);
        Assert.EndsWith("Write something before adding it", empty.Message, StringComparison.Ordinal);
        Assert.Contains("no longer exists", noSection.Message, StringComparison.Ordinal);
        var snapshot = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.All(snapshot.Sections, s => Assert.Empty(s.Cards));
        Assert.Equal(before.Version, snapshot.Version);
    }

    [Fact]
    public async Task Connection_ToAnotherReview_IsRefused()
    {
        await using var samsFacilitator = await _app.NewFacilitatorAsync();
        await using var alexsFacilitator = await _app.NewFacilitatorAsync();
        var samsReview = await samsFacilitator.CreateReviewAsync("Sam Jones");
        await alexsFacilitator.CreateReviewAsync("Alex Smith");

        var intruder = await alexsFacilitator.ConnectAsync(samsReview);

        var refusal = await Assert.ThrowsAsync<HubException>(() => intruder.InvokeAsync<BoardSnapshot>("GetSnapshot"));
        Assert.Contains("You are not part of this review", refusal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => intruder.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Hello")));
    }

    [Fact]
    public async Task Board_OfAnotherReview_IsForbidden()
    {
        await using var samsFacilitator = await _app.NewFacilitatorAsync();
        await using var stranger = await _app.NewFacilitatorAsync();
        var samsReview = await samsFacilitator.CreateReviewAsync();
        await stranger.CreateReviewAsync("Alex Smith");

        var board = await stranger.Http.GetAsync($"/reviews/{samsReview}");
        var minutes = await stranger.Http.GetAsync($"/minutes/{samsReview}/download");

        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, minutes.StatusCode);
        Assert.DoesNotContain("Sam Jones", await board.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLink_OpenedWithoutPressingJoin_LetsNobodyIn()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        await using var linkScanner = new Visitor(_app);
        var reviewId = await facilitator.CreateReviewAsync();
        var link = await facilitator.InviteAsync(reviewId, "Ana Jones", "sister");

        var preview = await linkScanner.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Sam Jones&#x27;s review", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await linkScanner.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
        var room = await facilitator.ConnectAsync(reviewId);
        var snapshot = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.False(snapshot.Participants.Single(p => p.Name == "Ana Jones").HasJoined);
    }

    [Fact]
    public async Task InvitationToken_IsNeverLoggedNorLeftInTheAddress()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        await using var relative = new Visitor(_app);
        var reviewId = await facilitator.CreateReviewAsync();
        var link = await facilitator.InviteAsync(reviewId, "Ana Jones", "sister");
        var token = link.Split('/').Last();

        var joined = await relative.JoinAsync(link);
        await relative.Http.GetStringAsync(joined.Headers.Location);
        var wrong = await relative.Http.GetAsync("/join/" + token[..^2] + "zz");

        Assert.Equal(43, token.Length);
        Assert.DoesNotContain(token, joined.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.DoesNotContain(_app.Logs.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains(token[..^2], StringComparison.Ordinal));
        Assert.Contains("no-referrer", joined.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task Minutes_ForTheFacilitator_AreAMarkdownFileNamedAfterDateAndPerson()
    {
        await using var facilitator = await _app.NewFacilitatorAsync();
        await using var relative = new Visitor(_app);
        var reviewId = await facilitator.CreateReviewAsync();
        await relative.JoinAsync(await facilitator.InviteAsync(reviewId, "Ana Jones", "sister"));
        var room = await relative.ConnectAsync(reviewId);
        await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-to-now", "<script>alert(1)</script>"));

        var minutes = await facilitator.Http.GetAsync($"/minutes/{reviewId}/download");
        var forRelative = await relative.Http.GetAsync($"/minutes/{reviewId}/download");

        Assert.Equal("text/markdown", minutes.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2026-12-01-sam-jones-review.md", minutes.Content.Headers.ContentDisposition!.FileName);
        var markdown = await minutes.Content.ReadAsStringAsync();
        Assert.Contains("- \\<script\\>alert(1)\\</script\\> (Ana Jones, sister)", markdown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forRelative.StatusCode);
    }

    [Fact]
    public async Task Cards_SurviveAServerRestartOnTheSameDatabase()
    {
        var facilitator = await _app.NewFacilitatorAsync();
        var reviewId = await facilitator.CreateReviewAsync();
        var room = await facilitator.ConnectAsync(reviewId);
        await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-for", "Takes medication at 8am"));
        await facilitator.DisposeAsync();
        await _app.DisposeAsync();

        _app = new ReviewRoomFactory(_data);
        await using var sameFacilitator = facilitator.On(_app);

        var board = await sameFacilitator.Http.GetStringAsync($"/reviews/{reviewId}");
        Assert.Contains("Takes medication at 8am", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondServer_OnTheSameDatabase_FailsFastWithAClearMessage()
    {
        await using var first = await _app.NewFacilitatorAsync();
        await first.CreateReviewAsync();
        await using var second = new ReviewRoomFactory(_data);

        var failure = Assert.Throws<InvalidOperationException>(() => second.Services);

        Assert.Contains("is already in use, probably by another ReviewRoom server", failure.Message, StringComparison.Ordinal);
    }

    private static string TitleOf(string page) =>
        page[(page.IndexOf("<title>", StringComparison.Ordinal) + 7)..page.IndexOf("</title>", StringComparison.Ordinal)].Trim();
}
