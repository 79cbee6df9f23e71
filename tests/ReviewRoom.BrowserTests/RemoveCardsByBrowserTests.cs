using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class RemoveCardsByBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";
    private const string ImportantFor = "What is important for Sam Jones";

    [Fact]
    public async Task Facilitator_RemovesAllCardsByOneContributor_AndAnotherParticipantsBoardLosesThemLive()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "flooding-contributor");
        await using var bo = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "other-contributor", width: 390);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var anasLink = await fran.InviteAsync("Ana Jones", "neighbour");
        var bosLink = await fran.InviteAsync("Bo Lane", "friend");
        await ana.JoinAsync(anasLink);
        await bo.JoinAsync(bosLink);
        await ana.AddCardAsync(LikeAndAdmire, "Buy cheap watches here");
        await ana.AddCardAsync(ImportantFor, "Buy cheap watches there");
        await bo.AddCardAsync(LikeAndAdmire, "Sam is kind");
        await Expect(Cards(bo, "Buy cheap watches")).ToHaveCountAsync(2);

        await fran.Page.GetByText("Who is invited").ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Remove all cards by Ana Jones" }).ClickAsync();

        await Expect(fran.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 cards by Ana Jones were taken off the board.");
        await Expect(Cards(bo, "Buy cheap watches")).ToHaveCountAsync(0);
        await Expect(Cards(bo, "Sam is kind")).ToHaveCountAsync(1);
        await Expect(Cards(fran, "Buy cheap watches")).ToHaveCountAsync(0);
        await fran.ExpectLiveAsync();
        await fran.Page.GetByText("Who is invited").ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Button, new() { Name = "Remove all cards by Bo Lane" })).ToBeVisibleAsync();
        await fran.ScreenshotAsync("removed-cards-by");

        var violations = await fran.AccessibilityViolationsAsync();
        var bosViolations = await bo.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        Assert.True(bosViolations.Count == 0, string.Join("; ", bosViolations));
        Assert.True(fran.ConsoleErrors.Count == 0, string.Join("\n", fran.ConsoleErrors));
        Assert.True(bo.ConsoleErrors.Count == 0, string.Join("\n", bo.ConsoleErrors));
    }

    private static ILocator Cards(Participant participant, string text) =>
        participant.Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });
}
