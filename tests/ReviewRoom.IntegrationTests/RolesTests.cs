using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>Every hub operation, for each role: allowed or refused on the server, whatever the page shows.</summary>
public sealed class RolesTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;
    private Visitor _ana = null!;
    private Visitor _raj = null!;
    private HubConnection _facilitator = null!;
    private HubConnection _sister = null!;
    private HubConnection _supportWorker = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        _fran = await _app.NewFacilitatorAsync();
        (_ana, _raj) = (new Visitor(_app), new Visitor(_app));
        var reviewId = await _fran.CreateReviewAsync();
        await _ana.JoinAsync(await _fran.InviteAsync(reviewId, "Ana Jones", "sister"));
        await _raj.JoinAsync(await _fran.InviteAsync(reviewId, "Raj Patel", "support worker"));
        _facilitator = await _fran.ConnectAsync(reviewId);
        _sister = await _ana.ConnectAsync(reviewId);
        _supportWorker = await _raj.ConnectAsync(reviewId);
    }

    public async ValueTask DisposeAsync()
    {
        await _fran.DisposeAsync();
        await _ana.DisposeAsync();
        await _raj.DisposeAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Contributor_ChangesTheirOwnCards_AndNotOthers()
    {
        var anas = await AddCardAsync(_sister, "like-and-admire", "Funny");
        var rajs = await AddCardAsync(_supportWorker, "like-and-admire", "Patient");

        var edited = await _sister.InvokeAsync<CardView>("EditCard", anas.Id, new CardDraft("like-and-admire", "Very funny"));
        var moved = await _sister.InvokeAsync<CardView>("MoveCard", anas.Id, "important-to-now", null, null);
        await _sister.InvokeAsync("DeleteCard", anas.Id);
        var restored = await _sister.InvokeAsync<CardView>("RestoreCard", anas.Id);

        Assert.Equal("Very funny", edited.Text);
        Assert.Equal("important-to-now", moved.SectionId);
        Assert.Equal(anas.Id, restored.Id);
        await RefusedAsync("Only the person who added it, or the facilitator", () => _sister.InvokeAsync<CardView>("EditCard", rajs.Id, new CardDraft("like-and-admire", "Impatient")));
        await RefusedAsync("Only the person who added it, or the facilitator", () => _sister.InvokeAsync<CardView>("MoveCard", rajs.Id, "important-for", null, null));
        await RefusedAsync("Only the person who added it, or the facilitator", () => _sister.InvokeAsync("DeleteCard", rajs.Id));
        var board = await _supportWorker.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Equal("Patient", Assert.Single(board.Sections.Single(s => s.Id == "like-and-admire").Cards).Text);
    }

    [Fact]
    public async Task Facilitator_ChangesAnyonesCards()
    {
        var anas = await AddCardAsync(_sister, "like-and-admire", "Funny");

        var edited = await _facilitator.InvokeAsync<CardView>("EditCard", anas.Id, new CardDraft("like-and-admire", "Funny and kind"));
        await _facilitator.InvokeAsync("DeleteCard", anas.Id);

        Assert.Equal("Funny and kind", edited.Text);
        var board = await _sister.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Empty(board.Sections.Single(s => s.Id == "like-and-admire").Cards);
    }

    [Fact]
    public async Task FacilitatorControls_AreRefusedForContributors()
    {
        const string FacilitatorOnly = "Only the facilitator can do that.";

        await RefusedAsync(FacilitatorOnly, () => _sister.InvokeAsync("SetNowDiscussing", "questions"));
        await RefusedAsync(FacilitatorOnly, () => _sister.InvokeAsync("SetLocked", "questions", true));
        await RefusedAsync(FacilitatorOnly, () => _sister.InvokeAsync("SetQuietWriting", "questions", true));
        await RefusedAsync(FacilitatorOnly, () => _sister.InvokeAsync("Choose", "questions", 0, "everyone"));

        await _facilitator.InvokeAsync("SetNowDiscussing", "questions");
        await _facilitator.InvokeAsync("SetLocked", "questions", true);
        var board = await _sister.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Equal("questions", board.NowDiscussing);
        Assert.True(board.Sections.Single(s => s.Id == "questions").Locked);
    }

    [Fact]
    public async Task LockedSection_TakesNoNewCards_AndKeepsTheOldOnes()
    {
        await AddCardAsync(_sister, "questions", "Can Sam get a bus pass?");
        await _facilitator.InvokeAsync("SetLocked", "questions", true);

        await RefusedAsync("This section is locked", () => _supportWorker.InvokeAsync<CardView>("AddCard", "op-2", new CardDraft("questions", "Another")));

        await _facilitator.InvokeAsync("SetLocked", "questions", false);
        await AddCardAsync(_supportWorker, "questions", "Another", findOutBy: "Raj Patel");
        var board = await _sister.InvokeAsync<BoardSnapshot>("GetSnapshot");
        Assert.Equal(["Can Sam get a bus pass?", "Another"], board.Sections.Single(s => s.Id == "questions").Cards.Select(c => c.Text));
        Assert.Equal("Raj Patel", board.Sections.Single(s => s.Id == "questions").Cards[1].FindOutBy);
    }

    [Fact]
    public async Task Actions_NeedAnOwnerAndADate_AndOnlyTheirAuthorOrTheFacilitatorSetsTheStatus()
    {
        var missing = await Assert.ThrowsAsync<HubException>(() =>
            _sister.InvokeAsync<ActionView>("AddAction", "op-1", new ActionDraft("actions", "Book swimming", null, null)));
        var action = await _sister.InvokeAsync<ActionView>("AddAction", "op-2", new ActionDraft("actions", "Book swimming", "Ana Jones", new DateOnly(2027, 1, 15)));

        Assert.Contains("Enter who will do it", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Enter the date by when it will be done", missing.Message, StringComparison.Ordinal);
        await RefusedAsync("Only the person who added it, or the facilitator", () => _supportWorker.InvokeAsync<ActionView>("SetActionStatus", action.Id, ActionStatus.Done));
        var done = await _facilitator.InvokeAsync<ActionView>("SetActionStatus", action.Id, ActionStatus.PartlyDone);
        Assert.Equal(ActionStatus.PartlyDone, done.Status);
    }

    [Fact]
    public async Task Grid_NeedsACell_AndKeepsEachPerspectiveApart()
    {
        await RefusedAsync("Choose where it goes", () => _sister.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("working-not-working", "Day centre")));
        await RefusedAsync("Choose where it goes", () => _sister.InvokeAsync<CardView>("AddCard", "op-2", new CardDraft("working-not-working", "Day centre", "Aliens", true)));

        var card = await _sister.InvokeAsync<CardView>("AddCard", "op-3", new CardDraft("working-not-working", "Day centre", "Family", true));

        Assert.Equal(("Family", true), (card.Perspective, card.Working));
    }

    [Fact]
    public async Task QuietWriting_IsSeenOnlyByItsAuthor_UntilTheReveal()
    {
        var rajHeard = new List<string>();
        var barrier = new TaskCompletionSource();
        var revealed = new TaskCompletionSource();
        var versions = new List<long>();
        _supportWorker.On<BoardDelta>("Changed", delta =>
        {
            versions.Add(delta.Version);
            rajHeard.AddRange((delta.Cards ?? []).Select(c => c.Text));
            if (rajHeard.Contains("Everyone can see this"))
            {
                barrier.TrySetResult();
            }

            if (rajHeard.Contains("A flat of my own"))
            {
                revealed.TrySetResult();
            }
        });
        await _facilitator.InvokeAsync("SetQuietWriting", "important-to-future", true);

        var quiet = await AddCardAsync(_sister, "important-to-future", "A flat of my own");
        await AddCardAsync(_sister, "like-and-admire", "Everyone can see this");
        await barrier.Task.WaitAsync(Patience);

        Assert.DoesNotContain("A flat of my own", rajHeard);
        Assert.Equal(Enumerable.Range((int)versions[0], versions.Count).Select(v => (long)v), versions);
        Assert.Empty(FutureCards(await _supportWorker.InvokeAsync<BoardSnapshot>("GetSnapshot")));
        Assert.Empty(FutureCards(await _facilitator.InvokeAsync<BoardSnapshot>("GetSnapshot")));
        Assert.Single(FutureCards(await _sister.InvokeAsync<BoardSnapshot>("GetSnapshot")));
        Assert.True(quiet.Quiet);
        await RefusedAsync("no longer on the board", () => _supportWorker.InvokeAsync("DeleteCard", quiet.Id));

        await _facilitator.InvokeAsync("SetQuietWriting", "important-to-future", false);
        await revealed.Task.WaitAsync(Patience);

        Assert.Equal("A flat of my own", Assert.Single(FutureCards(await _supportWorker.InvokeAsync<BoardSnapshot>("GetSnapshot"))).Text);
    }

    private static IReadOnlyList<CardView> FutureCards(BoardSnapshot board) => board.Sections.Single(s => s.Id == "important-to-future").Cards;

    private static Task<CardView> AddCardAsync(HubConnection room, string sectionId, string text, string? findOutBy = null) =>
        room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(sectionId, text, FindOutBy: findOutBy));

    private static async Task RefusedAsync(string words, Func<Task> attempt)
    {
        var refusal = await Assert.ThrowsAsync<HubException>(attempt);
        Assert.Contains(words, refusal.Message, StringComparison.Ordinal);
    }
}
