using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class PersonsControlBrowserTests(Chromium chromium) : LiveApp
{
    private const string ImportantFor = "What is important for Sam Jones";

    [Fact]
    public async Task ThePerson_KeepsACardOutOfTheMinutes_AndRemovesSomeone_WhoLosesTheBoardWithinSeconds()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var sam = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "person", width: 390);
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "removed-sister");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var samsLink = await fran.Page.GetByLabel("Invitation link").InputValueAsync();
        var anasLink = await fran.InviteAsync("Ana Jones", "sister");
        await sam.JoinAsync(samsLink);
        await ana.JoinAsync(anasLink);

        await ana.AddCardAsync(ImportantFor, "Had a fall in October");
        var card = sam.Section(ImportantFor).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Had a fall" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Leave out of the minutes" }).ClickAsync();
        await Expect(fran.Section(ImportantFor).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Not for the minutes");
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Put back in the minutes" })).ToBeFocusedAsync();

        await sam.Page.GetByText("Who is invited").ClickAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Remove Ana Jones" }).ClickAsync();
        await Expect(ana.Page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "refused");
        await Expect(ana.Page.GetByText("Had a fall in October")).ToHaveCountAsync(0);
        await Expect(fran.Page.Locator("#here-now")).Not.ToContainTextAsync("Ana Jones");
        await sam.ScreenshotAsync("persons-control");

        var violations = await sam.AccessibilityViolationsAsync();
        var minutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        Assert.DoesNotContain("Had a fall in October", minutes, StringComparison.Ordinal);
        Assert.Contains("- Sam Jones (whose review it is)", minutes, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }
}
