using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>What an information-governance officer asks: who saw what, who took a copy, and who changed what from what.</summary>
public sealed class AuditTrailTests : FreshApp
{
    private const string Cards = "like-and-admire";

    [Fact]
    public async Task TheTrail_HoldsViewsDownloadsAndEdits_WithWhoAsWhatAndBeforeAndAfter()
    {
        var reviewId = await Fran.CreateReviewAsync();
        var samsLink = await Fran.InvitationLinkShownAsync(reviewId);
        var anasLink = await Fran.InviteAsync(reviewId, "Ana Jones", "sister");
        await using var sam = new Visitor(App);
        await using var ana = new Visitor(App);
        await sam.JoinAsync(samsLink);
        await ana.JoinAsync(anasLink);
        await ana.Http.GetStringAsync($"/reviews/{reviewId}");
        var anasRoom = await ana.ConnectAsync(reviewId);
        var card = await anasRoom.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Sam makes evryone laugh"));
        var edited = await (await Fran.ConnectAsync(reviewId)).InvokeAsync<CardView>("EditCard", card.Id, new CardDraft(Cards, "Sam makes everyone laugh"));
        await sam.Http.GetStringAsync($"/minutes/{reviewId}");
        var minutes = await sam.Http.GetStringAsync($"/minutes/{reviewId}/download");

        var trail = WebUtility.HtmlDecode(await sam.Http.GetStringAsync($"/reviews/{reviewId}/trail"));
        var board = WebUtility.HtmlDecode(await ana.Http.GetStringAsync($"/reviews/{reviewId}"));

        Assert.Equal("Fran Facilitator", edited.EditedBy);
        Assert.Contains("Words changed by Fran Facilitator", board, StringComparison.Ordinal);
        Assert.Contains("- Sam makes everyone laugh (Ana Jones, sister, words changed by Fran Facilitator)", minutes, StringComparison.Ordinal);
        Assert.Matches(Line("Ana Jones (invited)", "Opened the board"), trail);
        Assert.Matches(Line("Ana Jones (invited)", "Added a card", "Sam makes everyone laugh"), trail);
        Assert.Matches(Line("Fran Facilitator (facilitator)", "Changed a card's words", "Sam makes everyone laugh") + @"\s*</td>\s*<td[^>]*>Sam makes evryone laugh</td>\s*<td[^>]*>Sam makes everyone laugh</td>", trail);
        Assert.Matches(Line("Sam Jones (whose review it is)", "Read the minutes"), trail);
        Assert.Matches(Line("Sam Jones (whose review it is)", "Downloaded the minutes"), trail);
        // Newest first: reading the trail is its own first line.
        Assert.True(trail.IndexOf("Read this trail", StringComparison.Ordinal) < trail.IndexOf("Downloaded the minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadingAPage_IsOneView_ButEveryDownloadIsRecorded()
    {
        var reviewId = await Fran.CreateReviewAsync();
        for (var i = 0; i < 3; i++)
        {
            await Fran.Http.GetStringAsync($"/reviews/{reviewId}");
            await Fran.Http.GetStringAsync($"/minutes/{reviewId}/download");
        }

        var trail = await Fran.Http.GetStringAsync($"/reviews/{reviewId}/trail");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(trail, "Opened the board"));
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(trail, "Downloaded the minutes"));
    }

    [Fact]
    public async Task SomeoneInvited_CannotReadTheTrail()
    {
        var reviewId = await Fran.CreateReviewAsync();
        await using var ana = new Visitor(App);
        await ana.JoinAsync(await Fran.InviteAsync(reviewId, "Ana Jones", "sister"));

        Assert.Equal(HttpStatusCode.OK, (await ana.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.Http.GetAsync($"/reviews/{reviewId}/trail")).StatusCode);
    }

    // One row of the trail's table: who, and what (with the thing it was done to, if given).
    private static string Line(string who, string what, string? subject = null) =>
        $@"<td[^>]*>{Escaped(who)}</td>\s*<td[^>]*>\s*{Escaped(what)}" + (subject is null ? "" : $@"\s*<br><span[^>]*>{Escaped(subject)}</span>");

    private static string Escaped(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
