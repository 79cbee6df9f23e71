using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>The administrator answers a subject access request, deletes a person's record when asked, and makes a backup.</summary>
public sealed class AdministrationBrowserTests(Chromium chromium) : LiveApp
{
    [Fact]
    public async Task TheAdministrator_FindsAPerson_DownloadsEverything_DeletesThemByTypingTheirName_AndMakesABackup()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "administrator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await fran.Page.GotoAsync("/");

        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "People's records: copies and deletion" }).ClickAsync();
        await fran.Page.GetByLabel("Name or reference").FillAsync("sam");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        var findViolations = await fran.AccessibilityViolationsAsync();
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Sam Jones" }).ClickAsync();
        var download = await fran.Page.RunAndWaitForDownloadAsync(() => fran.Page.GetByRole(AriaRole.Link, new() { Name = "Download everything held about Sam Jones (zip)" }).ClickAsync());
        var personViolations = await fran.AccessibilityViolationsAsync();
        await fran.Page.GetByLabel("To delete, type Sam Jones").FillAsync("Sam");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("type the person's name exactly");
        await fran.ScreenshotAsync("delete-person");
        await fran.Page.GetByLabel("To delete, type Sam Jones").FillAsync("Sam Jones");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Delete for good" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("People's records");
        await Expect(fran.Page.GetByText("Nobody found.")).ToBeVisibleAsync();

        await fran.Page.GotoAsync("/");
        await Expect(fran.Page.GetByRole(AriaRole.Link, new() { Name = "Sam Jones: Annual review" })).ToHaveCountAsync(0);
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Backups" }).ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Make a backup now" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Backup made");
        await Expect(fran.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("reviewroom-");
        var backupViolations = await fran.AccessibilityViolationsAsync();
        await fran.ScreenshotAsync("backups");

        Assert.EndsWith("-everything.zip", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Empty(findViolations);
        Assert.Empty(personViolations);
        Assert.Empty(backupViolations);
    }
}
