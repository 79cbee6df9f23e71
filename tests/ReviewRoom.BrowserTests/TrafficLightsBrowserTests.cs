using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>A traffic-light card held up from a phone: on the big screen and the facilitator's board at once, with a name, until it is put down.</summary>
public sealed class TrafficLightsBrowserTests(Chromium chromium) : LiveApp
{
    [Fact]
    public async Task ARedCard_HeldUpFromAPhone_IsSeenOnTheBigScreenAndByTheFacilitator_UntilPutDown_AndIsNotInTheMinutes()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 320);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        var screen = await fran.OpenBigScreenAsync();
        var red = ana.Page.GetByRole(AriaRole.Button, new() { Name = "Stop – I don’t understand" });

        await red.ClickAsync();

        await Expect(screen.Locator("#screen-lights")).ToHaveTextAsync("Ana Jones: Stop – I don’t understand");
        await Expect(fran.Page.Locator("#traffic-lights [data-held-up]")).ToContainTextAsync("Ana Jones: Stop – I don’t understand");
        await Expect(fran.Page.Locator("#announcer")).ToContainTextAsync("Ana Jones is holding up a card: Stop – I don’t understand");
        await Expect(red).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True((await red.BoundingBoxAsync())!.Height >= 44, "The card's button is smaller than a finger.");
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "screen-red-card.png") });
        await ana.ScreenshotAsync("red-card-320");

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Put my card down" }).ClickAsync();

        await Expect(screen.Locator("#screen-lights")).ToBeHiddenAsync();
        await Expect(fran.Page.Locator("#traffic-lights [data-held-up]")).ToBeHiddenAsync();
        await Expect(red).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.DoesNotContain("understand", await File.ReadAllTextAsync(await fran.DownloadMinutesAsync()), StringComparison.Ordinal);
    }
}
