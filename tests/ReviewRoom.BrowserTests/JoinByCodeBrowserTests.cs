using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed partial class JoinByCodeBrowserTests(Chromium chromium) : LiveApp
{
    [Fact]
    public async Task Contributor_JoinsWithTheCodeOnTheBigScreen_AndIsLetInFromTheLobby()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var raj = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "by-code", width: 390);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Show a join code" }).ClickAsync();
        await Expect(fran.Page.GetByText("Join code:")).ToBeVisibleAsync();
        var screen = await fran.OpenBigScreenAsync();
        var code = Digits().Replace(await screen.Locator("#screen-code").InnerTextAsync(), "");
        await Expect(screen.GetByRole(AriaRole.Img, new() { Name = "QR code that opens the join page with the code filled in" })).ToBeVisibleAsync();
        Assert.True(await screen.EvaluateAsync<bool>("() => document.getElementById('screen-qr').naturalWidth > 0"), "The QR code image loads.");

        await raj.Page.GotoAsync($"/join?code={code}");
        var joinViolations = await raj.AccessibilityViolationsAsync();
        await raj.Page.GetByLabel("Your name").FillAsync("Raj Patel");
        await raj.Page.GetByLabel("Relationship").FillAsync("support worker");
        await raj.Page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();
        await Expect(raj.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Waiting to be let in");
        var lobbyViolations = await raj.AccessibilityViolationsAsync();
        await raj.ScreenshotAsync("lobby");

        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Let Raj Patel in" }).ClickAsync();

        await Expect(raj.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annual review");
        await raj.ExpectLiveAsync();
        await Expect(fran.Page.Locator("#here-now")).ToContainTextAsync("Raj Patel, support worker");
        await Expect(screen.Locator("#screen-here")).ToContainTextAsync("Here now: 2");
        await screen.ScreenshotAsync(new() { Path = Path.Combine(ReviewRoom.TestHost.RepoPaths.TestResults, "big-screen-join-code-1920x1080.png") });
        Assert.True(joinViolations.Count == 0, string.Join("; ", joinViolations));
        Assert.True(lobbyViolations.Count == 0, string.Join("; ", lobbyViolations));
    }

    [Fact]
    public async Task WrongCode_SaysOnlyThatItDidNotWork()
    {
        await using var visitor = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "guesser");

        await visitor.Page.GotoAsync("/join?code=000000");
        await visitor.Page.GetByLabel("Your name").FillAsync("Mallory");
        await visitor.Page.GetByLabel("Relationship").FillAsync("stranger");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();

        await Expect(visitor.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That code did not work");
    }

    [GeneratedRegex(@"\D")]
    private static partial Regex Digits();
}
