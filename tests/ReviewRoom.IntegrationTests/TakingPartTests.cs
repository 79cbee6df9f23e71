using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// Taking part without being in the room: a meeting moved to another day keeps its links, and an
/// invitee who cannot come sends their views before it, marked so on the board and in the minutes.
/// </summary>
public sealed class TakingPartTests : FreshApp
{
    private const string Cards = "like-and-admire";

    private Visitor _ana = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ana = new Visitor(App);
    }

    public override async ValueTask DisposeAsync()
    {
        await _ana.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task MeetingMovedToAnotherDay_KeepsItsLinks_AndViewsSentBeforeItBegins_AreMarkedOnTheBoardAndInTheMinutes()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var link = await Fran.InviteAsync(reviewId, "Ana Jones", "sister");

        var moved = await Fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/details",
            new() { ["date"] = "2026-12-08", ["startsAt"] = "14:00", ["place"] = "", ["nextReview"] = "" });
        var invitation = await _ana.Http.GetStringAsync(link);
        await _ana.JoinAsync(link);
        var room = await _ana.ConnectAsync(reviewId);
        var sentBefore = await room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Sam is the kindest brother"));
        // Health allowing after all, the meeting is brought back to this morning: it has begun.
        await Fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/details",
            new() { ["date"] = "2026-12-01", ["startsAt"] = "09:30", ["place"] = "", ["nextReview"] = "" });
        var atTheMeeting = await room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Sam loves the sea"));
        var board = await Fran.Http.GetStringAsync($"/reviews/{reviewId}");
        var minutes = await Fran.Http.GetStringAsync($"/minutes/{reviewId}/download");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("The meeting is on 8 December 2026 at 14:00.", invitation, StringComparison.Ordinal);
        Assert.Contains("Sam Jones&#x27;s review, 1 December 2026 at 09:30", board, StringComparison.Ordinal);
        Assert.Equal((true, false), (sentBefore.SentBeforeMeeting, atTheMeeting.SentBeforeMeeting));
        // Every card has the marker, and the page's card template too: only one is shown.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(board, "data-part=\"sentBefore\"><strong class=\"govuk-tag govuk-tag--blue\">Sent before the meeting</strong>"));
        Assert.Contains("- Sam is the kindest brother (Ana Jones, sister, sent before the meeting)", minutes, StringComparison.Ordinal);
        Assert.Contains("- Sam loves the sea (Ana Jones, sister)\n", minutes, StringComparison.Ordinal);
        Assert.Contains("**Date:** 1 December 2026 at 09:30", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeavingOnThisDevice_TakesTheReviewOffIt_AndTheLinkBringsThemBack()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var link = await Fran.InviteAsync(reviewId, "Ana Jones", "sister");
        await _ana.JoinAsync(link);

        var left = await _ana.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/leave", []);
        var afterwards = await _ana.Http.GetAsync($"/reviews/{reviewId}");
        var room = _ana.Connection(reviewId);
        await room.StartAsync();
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => room.InvokeAsync<BoardSnapshot>("GetSnapshot"));
        await _ana.JoinAsync(link);

        Assert.Equal((HttpStatusCode.Redirect, "/left"), (left.StatusCode, left.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Forbidden, afterwards.StatusCode);
        Assert.EndsWith("You are not part of this review. Open your invitation link again, or ask the facilitator for a new one.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _ana.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
    }

    [Fact]
    public async Task AnInviteesPlace_EndsWithTheirLink_HoweverLongTheCookieWouldLast()
    {
        var reviewId = await Fran.CreateReviewAsync();
        await _ana.JoinAsync(await Fran.InviteAsync(reviewId, "Ana Jones", "sister"));
        var before = await _ana.Http.GetAsync($"/reviews/{reviewId}");

        App.Clock.Now += TimeSpan.FromDays(Limits.InvitationDaysAfterReview + 1);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _ana.Http.GetAsync($"/minutes/{reviewId}")).StatusCode);
    }

    [Fact]
    public async Task ThePersonMakingTheirLinkAgain_StopsTheOldOne_AndEveryDeviceThatCameInByIt_ButKeepsTheirOwn()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var oldLink = await Fran.InvitationLinkShownAsync(reviewId);
        await using var sam = new Visitor(App);
        await using var leaked = new Visitor(App);
        await sam.JoinAsync(oldLink);
        await leaked.JoinAsync(oldLink);
        var leakedRoom = await leaked.ConnectAsync(reviewId);
        var ended = new TaskCompletionSource();
        leakedRoom.Closed += _ => Task.FromResult(ended.TrySetResult());
        var samsId = (await leakedRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Single(p => p.Role == Role.Person).Id;

        var newLink = await sam.NewLinkAsync(reviewId, samsId, $"/reviews/{reviewId}");
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var samsPhone = new Visitor(App);
        var joined = await samsPhone.JoinAsync(newLink);

        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(HttpStatusCode.NotFound, (await leaked.Http.GetAsync(oldLink)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaked.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaked.Http.GetAsync($"/minutes/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, $"/reviews/{reviewId}"), (joined.StatusCode, joined.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task AfterTheReviewIsClosed_TheFacilitatorCanStillMakeThePersonsLinkAgain_FromTheMinutes()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var oldLink = await Fran.InvitationLinkShownAsync(reviewId);
        await using var leaked = new Visitor(App);
        await leaked.JoinAsync(oldLink);
        var samsId = (await (await Fran.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Single(p => p.Role == Role.Person).Id;
        await Fran.PostFormAsync($"/reviews/{reviewId}/close", $"/reviews/{reviewId}/close", []);
        var before = await leaked.Http.GetAsync($"/minutes/{reviewId}");

        var newLink = await Fran.NewLinkAsync(reviewId, samsId, $"/minutes/{reviewId}");
        await using var sam = new Visitor(App);
        var joined = await sam.JoinAsync(newLink);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leaked.Http.GetAsync($"/minutes/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leaked.Http.GetAsync(oldLink)).StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, $"/minutes/{reviewId}"), (joined.StatusCode, joined.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await sam.Http.GetAsync($"/minutes/{reviewId}")).StatusCode);
    }
}
