using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed partial class TimerBrowserTests(Chromium chromium) : LiveApp
{
    [Fact]
    public async Task Facilitator_StartsATimer_WhichTheBigScreenAndARelativeSeeCountDown_AndTheRelativeIsToldWhenTimeIsUp()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 390);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await relative.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        // Ana's page keeps a clock the test can move on: a minute passes in a moment.
        await relative.Page.Clock.InstallAsync();
        await relative.Page.ReloadAsync();
        await relative.ExpectLiveAsync();
        var screen = await fran.OpenBigScreenAsync();
        await screen.SetViewportSizeAsync(1920, 1080);

        await fran.Page.GetByLabel("Minutes").FillAsync("1");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Start the timer" }).ClickAsync();

        await Expect(fran.Page.Locator("#meeting-timer [data-timer-shows]")).ToHaveTextAsync(OneMinuteOrLess());
        await Expect(screen.Locator("#meeting-timer [data-timer-shows]")).ToHaveTextAsync(OneMinuteOrLess());
        await Expect(relative.Page.Locator("#meeting-timer [data-timer-shows]")).ToHaveTextAsync(OneMinuteOrLess());
        await Expect(fran.Page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        var violations = await fran.AccessibilityViolationsAsync();
        await screen.ScreenshotAsync(new() { Path = Path.Combine(ReviewRoom.TestHost.RepoPaths.TestResults, "screen-timer.png") });
        // Everything the announcer says is noted: a minute on, her page's connection is
        // re-made too, and the room's news of that may follow "Time is up" in the same region.
        await relative.Page.EvaluateAsync("""
            () => {
                const region = document.getElementById('announcer');
                window.announced = [];
                new MutationObserver(() => window.announced.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
            }
            """);
        // The server's clock moves on the same minute: her page, reconnecting after so long, is told the same.
        App.Clock.Now += TimeSpan.FromSeconds(61);
        await relative.Page.Clock.FastForwardAsync("01:01");
        await Expect(relative.Page.Locator("#meeting-timer [data-timer-shows]")).ToHaveTextAsync("Time is up");
        await relative.Page.WaitForFunctionAsync("() => window.announced.includes('Time is up')");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(screen.Locator("#meeting-timer [data-timer-shows]")).ToHaveTextAsync("Paused: 0:00 left");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Stop the timer" }).ClickAsync();
        await Expect(screen.Locator("#meeting-timer")).ToBeHiddenAsync();
        await relative.ScreenshotAsync("board-timer");

        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }

    [GeneratedRegex("^(1:00|0:[0-5][0-9]) left$")]
    private static partial Regex OneMinuteOrLess();
}
