using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>A person asks for everything held about them, or to be forgotten; and what is kept only as long as the setting says.</summary>
public sealed partial class SubjectAccessTests : FreshApp
{
    private const string Cards = "like-and-admire";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ReviewRoom:RetentionMonths"] = "12" };

    [Fact]
    public async Task Everything_HoldsWhatTheMinutesLeaveOut_RemovedPeople_AndTheTrail_AndTheExportIsRecorded()
    {
        await using var lee = await App.NewFacilitatorAsync();
        var reviewId = await lee.CreateReviewAsync();
        await using var sam = new Visitor(App);
        await sam.JoinAsync(await lee.InvitationLinkShownAsync(reviewId));
        var samsRoom = await sam.ConnectAsync(reviewId);
        var keptOut = await samsRoom.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Not for the minutes"));
        await samsRoom.InvokeAsync<CardView>("SetKeptOutOfMinutes", keptOut.Id, true);
        await lee.InviteAsync(reviewId, "Bo Lane", "old neighbour");
        var leesRoom = await lee.ConnectAsync(reviewId);
        var bo = (await leesRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Single(p => p.Name == "Bo Lane");
        await lee.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/remove", new() { ["participantId"] = bo.Id });
        var person = await PersonIdAsync("Sam");

        using var export = await Fran.Http.GetAsync($"/administration/people/{person}/export");
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        using var json = JsonDocument.Parse(await new StreamReader(zip.GetEntry("everything.json")!.Open()).ReadToEndAsync());
        var minutes = await new StreamReader(zip.Entries[0].Open()).ReadToEndAsync();
        var review = json.RootElement.GetProperty("Reviews")[0];
        var trail = await lee.Http.GetStringAsync($"/reviews/{reviewId}/trail");

        Assert.Equal("Sam Jones", json.RootElement.GetProperty("Person").GetProperty("Name").GetString());
        Assert.DoesNotContain("Not for the minutes", minutes, StringComparison.Ordinal);
        Assert.Contains(review.GetProperty("Cards").EnumerateArray(), c => c.GetProperty("Text").GetString() == "Not for the minutes" && c.GetProperty("KeptOutOfMinutes").GetBoolean());
        Assert.Contains(review.GetProperty("Participants").EnumerateArray(), p => p.GetProperty("Name").GetString() == "Bo Lane" && p.GetProperty("Removed").GetBoolean());
        Assert.Contains(review.GetProperty("Trail").EnumerateArray(), a => a.GetProperty("Action").GetString() == "card-kept-out-of-minutes");
        Assert.DoesNotContain("InvitationTokenHash", json.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Exported everything held about the person", trail, StringComparison.Ordinal);
        Assert.Contains("Fran Facilitator", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAPerson_AsksForTheirNameToBeTyped_AndOnlyTheAdministratorMay()
    {
        await using var lee = await App.NewFacilitatorAsync();
        var reviewId = await lee.CreateReviewAsync();
        var person = await PersonIdAsync("Sam");

        var wrongName = await Fran.PostFormAsync($"/administration/people/{person}", $"/administration/people/{person}/delete", new() { ["typedName"] = "Sam" });
        var byFacilitator = await lee.Http.GetAsync($"/administration/people/{person}");
        var stillThere = await lee.Http.GetAsync($"/reviews/{reviewId}");
        var typed = await Fran.PostFormAsync($"/administration/people/{person}", $"/administration/people/{person}/delete", new() { ["typedName"] = " sam jones " });

        Assert.Equal(HttpStatusCode.OK, wrongName.StatusCode);
        Assert.Contains("type the person&#x27;s name exactly", await wrongName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, byFacilitator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/administration/people"), (typed.StatusCode, typed.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Forbidden, (await lee.Http.GetAsync($"/reviews/{reviewId}")).StatusCode);
    }

    [Fact]
    public async Task Retention_DeletesOnlyClosedReviewsOlderThanTheSetting_AndRecordsThatItDid()
    {
        var old = await Fran.CreateReviewAsync("Alex Smith");
        var stillOpen = await Fran.CreateReviewAsync("Bea Evans");
        await Fran.PostFormAsync($"/reviews/{old}/close", $"/reviews/{old}/close", []);
        App.Clock.Now = App.Clock.Now.AddMonths(13);
        await Fran.SignInAsync("fran@example.org");
        var recent = await Fran.CreateReviewAsync("Cai Owen");
        await Fran.PostFormAsync($"/reviews/{recent}/close", $"/reviews/{recent}/close", []);

        var deleted = await App.Services.GetRequiredService<Retention>().ApplyAsync();

        Assert.Equal(1, deleted);
        Assert.Equal(HttpStatusCode.Forbidden, (await Fran.Http.GetAsync($"/minutes/{old}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Fran.Http.GetAsync($"/minutes/{recent}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Fran.Http.GetAsync($"/reviews/{stillOpen}")).StatusCode);
        Assert.Contains(App.Services.GetRequiredService<IReviewStore>().TrailOf(old), a => a.Action == "review-removed-after-retention" && a.ParticipantId == Retention.By);
    }

    private async Task<string> PersonIdAsync(string find) =>
        PersonLink().Match(await Fran.Http.GetStringAsync($"/administration/people?find={find}")).Groups[1].Value;

    [GeneratedRegex("href=\"/administration/people/([0-9a-f]{32})\"")]
    private static partial Regex PersonLink();
}
