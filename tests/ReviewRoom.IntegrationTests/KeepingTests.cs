using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The next review picks up where the last one ended; everything about a person can be exported, and deleted without a trace.</summary>
public sealed partial class KeepingTests : FreshApp
{
    private const string Secret = "Zanzibar-marker-7731";

    [Fact]
    public async Task NextReview_KeepsThePerson_InvitesTheChosenAgain_AndOpensWithUnfinishedActions()
    {
        var first = await Fran.CreateReviewAsync();
        await using var ana = new Visitor(App);
        await using var raj = new Visitor(App);
        await ana.JoinAsync(await Fran.InviteAsync(first, "Ana Jones", "sister"));
        await raj.JoinAsync(await Fran.InviteAsync(first, "Raj Patel", "support worker"));
        var room = await Fran.ConnectAsync(first);
        await room.InvokeAsync<ActionView>("AddAction", "op-1", new ActionDraft("actions", "Find a swimming club", "Ana Jones", new DateOnly(2027, 1, 15)));
        var done = await room.InvokeAsync<ActionView>("AddAction", "op-2", new ActionDraft("actions", "Send the minutes to the GP", "Fran", new DateOnly(2026, 12, 8)));
        await room.InvokeAsync<ActionView>("SetActionStatus", done.Id, ActionStatus.Done);
        var board = await room.InvokeAsync<BoardSnapshot>("GetSnapshot");
        await Fran.PostFormAsync($"/reviews/{first}/close", $"/reviews/{first}/close", []);

        var plan = await Fran.Http.GetStringAsync($"/reviews/new?after={first}");
        var created = await Fran.PostFormAsync($"/reviews/new?after={first}", $"/reviews/new?after={first}", new()
        {
            ["After"] = first,
            ["Title"] = "Review, June 2027",
            ["Date"] = "2027-06-01",
            ["TemplateId"] = "person-centred-review",
            ["InviteAgain"] = board.Participants.Single(p => p.Name == "Ana Jones").Id,
        });
        var next = created.Headers.Location!.OriginalString.Split('/').Last();
        var nextBoard = await Fran.Http.GetStringAsync($"/reviews/{next}");

        Assert.Contains("Plan Sam Jones", WebUtility.HtmlDecode(plan), StringComparison.Ordinal);
        Assert.Contains("Invitation link for Ana Jones", nextBoard, StringComparison.Ordinal);
        Assert.DoesNotContain("Invitation link for Raj Patel", nextBoard, StringComparison.Ordinal);
        var snapshot = await (await Fran.ConnectAsync(next)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var lastTime = snapshot.Sections[0];
        Assert.Equal(("last-time", "Actions from last time"), (lastTime.Id, lastTime.Heading));
        Assert.Equal(["Find a swimming club"], lastTime.Actions.Select(a => a.What));
        Assert.Equal(["Sam Jones", "Ana Jones"], snapshot.Participants.Where(p => p.Role is Role.Person or Role.Contributor).Select(p => p.Name));
        var minutes = await Fran.Http.GetStringAsync($"/minutes/{next}/download");
        Assert.Contains("## Actions from last time\n\n- Find a swimming club  \n  Who: Ana Jones. Was due: 15 January 2027. Not looked at in this review.", minutes, StringComparison.Ordinal);
        var person = PersonLink().Match(await Fran.Http.GetStringAsync("/")).Groups[1].Value;
        var history = await Fran.Http.GetStringAsync($"/people/{person}");
        Assert.True(history.IndexOf("Annual review", StringComparison.Ordinal) < history.IndexOf("Review, June 2027", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverdueActions_ShowOnYourReviews_UntilDoneOrDropped()
    {
        var review = await Fran.CreateReviewAsync();
        var room = await Fran.ConnectAsync(review);
        var today = DateOnly.FromDateTime(App.Clock.GetLocalNow().DateTime);
        var late = await room.InvokeAsync<ActionView>("AddAction", "op-1", new ActionDraft("actions", "Ring the housing office", "Ana Jones", today.AddDays(-3)));
        await room.InvokeAsync<ActionView>("AddAction", "op-2", new ActionDraft("actions", "Book the next review", "Fran", today.AddDays(30)));

        var before = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync("/"));
        await room.InvokeAsync<ActionView>("SetActionStatus", late.Id, ActionStatus.Done);
        var after = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync("/"));

        Assert.Contains("Overdue actions", before, StringComparison.Ordinal);
        Assert.Contains("Ring the housing office", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Book the next review", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Ring the housing office", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HoldsTheMinutesOfEveryReviewOfThePerson()
    {
        var first = await Fran.CreateReviewAsync();
        var room = await Fran.ConnectAsync(first);
        await room.InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Kind to everyone"));
        var person = PersonLink().Match(await Fran.Http.GetStringAsync("/")).Groups[1].Value;

        var export = await Fran.Http.GetAsync($"/administration/people/{person}/export");

        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        Assert.Equal(["01-2026-12-01-sam-jones-review.md", "everything.json"], zip.Entries.Select(e => e.Name));
        using var reader = new StreamReader(zip.Entries[0].Open());
        Assert.Contains("- Kind to everyone (Fran Facilitator, Facilitator)", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        await using var colleague = await App.NewFacilitatorAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await colleague.Http.GetAsync($"/administration/people/{person}/export")).StatusCode);
    }

    [Fact]
    public async Task DeletedPerson_LeavesNoTraceOfTheirWordsInTheDatabaseFile_OnlyThatTheyWereDeleted()
    {
        var kept = await Fran.CreateReviewAsync("Alex Smith");
        var deleted = await Fran.CreateReviewAsync("Sam Jones");
        await using var ana = new Visitor(App);
        await ana.JoinAsync(await Fran.InviteAsync(deleted, "Ana Jones", "sister"));
        var room = await ana.ConnectAsync(deleted);
        for (var i = 0; i < 20; i++)
        {
            var card = await room.InvokeAsync<CardView>("AddCard", $"op-{i}", new CardDraft("important-for", $"{Secret} card {i}"));
            await room.InvokeAsync<CardView>("EditCard", card.Id, new CardDraft("important-for", $"{Secret} edited {i}"));
        }

        await Fran.PostFormAsync($"/reviews/{deleted}", $"/reviews/{deleted}/apology", new() { ["name"] = "Dr Shah", ["relationship"] = "GP", ["contribution"] = Secret });
        await (await Fran.ConnectAsync(kept)).InvokeAsync<CardView>("AddCard", "op-kept", new CardDraft("like-and-admire", "Alex is kept"));
        var home = await Fran.Http.GetStringAsync("/");
        var sam = PersonLink().Matches(home).Select(m => m.Groups[1].Value).Distinct().Single(id => WebUtility.HtmlDecode(home).Contains($"/people/{id}\">All of Sam Jones", StringComparison.Ordinal));

        var confirm = await Fran.PostFormAsync($"/administration/people/{sam}", $"/administration/people/{sam}/delete", new() { ["typedName"] = "Sam Jones" });

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ana.Http.GetAsync($"/reviews/{deleted}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Fran.Http.GetAsync($"/reviews/{deleted}")).StatusCode);
        // Read while the server still runs and holds the files, so nothing is tidied up by closing them.
        var files = await Task.WhenAll(Directory.EnumerateFiles(Data.Path, "*.db").Select(RawBytesAsync));
        Assert.Equal(2, files.Length);
        Assert.All(files, bytes => Assert.Equal(-1, IndexOf(bytes, Secret)));
        Assert.Contains(files, bytes => IndexOf(bytes, "Alex is kept") >= 0);
        Assert.Contains(files, bytes => IndexOf(bytes, "person-deleted") >= 0);
        await App.DisposeAsync();

        App = new ReviewRoomFactory(Data);
        await using var again = Fran.On(App);
        Assert.Contains("Alex is kept", await again.Http.GetStringAsync($"/reviews/{kept}"), StringComparison.Ordinal);
    }

    // The server holds the database files locked; cat reads them without asking for a lock.
    private static async Task<byte[]> RawBytesAsync(string path)
    {
        using var cat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cat", [path]) { RedirectStandardOutput = true })!;
        using var bytes = new MemoryStream();
        await cat.StandardOutput.BaseStream.CopyToAsync(bytes);
        await cat.WaitForExitAsync();
        return bytes.ToArray();
    }

    private static int IndexOf(byte[] bytes, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return bytes.AsSpan().IndexOf(needle);
    }

    [GeneratedRegex("href=\"/people/([0-9a-f]{32})\"")]
    private static partial Regex PersonLink();
}
