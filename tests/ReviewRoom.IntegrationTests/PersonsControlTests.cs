using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The person decides who is there and what is recorded.</summary>
public sealed class PersonsControlTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;
    private Visitor _sam = null!;
    private Visitor _ana = null!;
    private string _reviewId = "";
    private string _samsLink = "";

    public async ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        _fran = await _app.NewFacilitatorAsync();
        _reviewId = await _fran.CreateReviewAsync();
        _samsLink = await _fran.InvitationLinkShownAsync(_reviewId);
        (_sam, _ana) = (new Visitor(_app), new Visitor(_app));
        await _sam.JoinAsync(_samsLink);
        await _ana.JoinAsync(await _fran.InviteAsync(_reviewId, "Ana Jones", "sister"));
    }

    public async ValueTask DisposeAsync()
    {
        await _fran.DisposeAsync();
        await _sam.DisposeAsync();
        await _ana.DisposeAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task ThePerson_IsInvitedWithTheReview_AndMarkedAsSuch()
    {
        var room = await _sam.ConnectAsync(_reviewId);

        var board = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var sam = board.Participants.Single(p => p.Role == Role.Person);
        Assert.Equal(("Sam Jones", "whose review it is", true), (sam.Name, sam.Relationship, sam.HasJoined));
    }

    [Fact]
    public async Task ThePerson_RemovesAContributor_WhoLosesAccessWithinSeconds()
    {
        var anasRoom = await _ana.ConnectAsync(_reviewId);
        var closed = new TaskCompletionSource();
        anasRoom.Closed += _ => Task.FromResult(closed.TrySetResult());
        var board = await (await _sam.ConnectAsync(_reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var ana = board.Participants.Single(p => p.Name == "Ana Jones");

        var removed = await _sam.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/remove", new() { ["participantId"] = ana.Id });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await closed.Task.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode);
        var retry = await _ana.ConnectAsync(_reviewId);
        var refusal = await Assert.ThrowsAsync<HubException>(() => retry.InvokeAsync<BoardSnapshot>("GetSnapshot"));
        Assert.Contains("You are not part of this review", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyRemovesTheFacilitator_AndContributorsRemoveNobody()
    {
        var samsRoom = await _sam.ConnectAsync(_reviewId);
        var board = await samsRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");
        var fran = board.Participants.Single(p => p.Role == Role.Facilitator);
        var sam = board.Participants.Single(p => p.Role == Role.Person);

        var removingFacilitator = await _sam.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/remove", new() { ["participantId"] = fran.Id });
        var contributorRemoving = await _ana.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/remove", new() { ["participantId"] = sam.Id });

        Assert.Contains("The facilitator cannot be removed", await removingFacilitator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Only the facilitator, or the person whose review it is", await contributorRemoving.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await samsRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Count);
    }

    [Fact]
    public async Task ThePerson_KeepsACardOutOfTheMinutes_AndOnlyThePersonCan()
    {
        var anasRoom = await _ana.ConnectAsync(_reviewId);
        var samsRoom = await _sam.ConnectAsync(_reviewId);
        var card = await anasRoom.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("important-for", "Had a fall in October"));

        var refused = await Assert.ThrowsAsync<HubException>(() => anasRoom.InvokeAsync<CardView>("SetKeptOutOfMinutes", card.Id, true));
        var kept = await samsRoom.InvokeAsync<CardView>("SetKeptOutOfMinutes", card.Id, true);

        Assert.Contains("Only the person whose review it is", refused.Message, StringComparison.Ordinal);
        Assert.True(kept.KeptOutOfMinutes);
        Assert.Contains("Had a fall in October", await _fran.Http.GetStringAsync($"/reviews/{_reviewId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Had a fall in October", await _fran.Http.GetStringAsync($"/minutes/{_reviewId}/download"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minutes_AreReadByAContributor_OnlyAfterClosing_AndOnlyOnceThePersonSharesThem()
    {
        var board = await (await _sam.ConnectAsync(_reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var ana = board.Participants.Single(p => p.Name == "Ana Jones").Id;
        var beforeClosing = (await _ana.Http.GetAsync($"/minutes/{_reviewId}")).StatusCode;
        var samBeforeClosing = (await _sam.Http.GetAsync($"/minutes/{_reviewId}")).StatusCode;
        await _fran.PostFormAsync($"/reviews/{_reviewId}/close", $"/reviews/{_reviewId}/close", []);
        var closedNotShared = (await _ana.Http.GetAsync($"/minutes/{_reviewId}/download")).StatusCode;
        var boardAfterClosing = (await _ana.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode;

        var shared = await _sam.PostFormAsync($"/minutes/{_reviewId}", $"/minutes/{_reviewId}/share", new() { ["readers"] = ana });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (beforeClosing, samBeforeClosing));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (closedNotShared, boardAfterClosing));
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        Assert.Contains("# Annual review", await _ana.Http.GetStringAsync($"/minutes/{_reviewId}/download"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode);
    }

    [Fact]
    public async Task SignOff_WithoutAChoiceOrAReason_SaysWhatIsMissingAndRecordsNothing()
    {
        await _fran.PostFormAsync($"/reviews/{_reviewId}/close", $"/reviews/{_reviewId}/close", []);

        var noChoice = await _sam.PostFormAsync($"/minutes/{_reviewId}", $"/minutes/{_reviewId}/signoff", []);
        var noReason = await _sam.PostFormAsync($"/minutes/{_reviewId}", $"/minutes/{_reviewId}/signoff", new() { ["agrees"] = "false", ["reason"] = "  " });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (noChoice.StatusCode, noReason.StatusCode));
        Assert.Contains("Choose whether you agree with these minutes.", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Say why you do not agree with the minutes.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("## Sign-off", await _sam.Http.GetStringAsync($"/minutes/{_reviewId}/download"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLink_StopsWorkingAfterItsExpiry_ButThePersonsOwnKeepsOpeningTheirMinutes()
    {
        var link = await _fran.InviteAsync(_reviewId, "Raj Patel", "support worker");
        await using var raj = new Visitor(_app);
        await using var samOnANewPhone = new Visitor(_app);
        await _fran.PostFormAsync($"/reviews/{_reviewId}/close", $"/reviews/{_reviewId}/close", []);

        _app.Clock.Now = new DateTimeOffset(2027, 12, 1, 0, 0, 1, TimeSpan.Zero);

        Assert.True(Limits.InvitationDaysAfterReview < 365);
        Assert.Equal(HttpStatusCode.NotFound, (await raj.Http.GetAsync(link)).StatusCode);
        var joined = await samOnANewPhone.JoinAsync(_samsLink);
        Assert.Equal($"/minutes/{_reviewId}", joined.Headers.Location!.OriginalString);
        Assert.Contains("Sam Jones", await samOnANewPhone.Http.GetStringAsync($"/minutes/{_reviewId}/download"), StringComparison.Ordinal);
    }
}
