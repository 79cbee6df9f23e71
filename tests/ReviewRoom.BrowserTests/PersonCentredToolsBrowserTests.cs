using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>The tools from the person-centred toolbox, run from their templates and drawn on the big screen.</summary>
public sealed class PersonCentredToolsBrowserTests(Chromium chromium) : LiveApp
{
    private const string Circle = "The people in Sam Jones's life";

    [Fact]
    public async Task RelationshipCircle_ACardAddedToARingByKeyboard_IsDrawnInThatRing_InsideTheRingsAroundIt()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Relationship circle", "2026-12-01", "Relationship circle");
        var screen = await fran.OpenBigScreenAsync();
        await fran.Section(Circle).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();
        await fran.AddCardAsync(Circle, "Mum");

        // Only the keyboard: the ring, the words, and the Add button.
        var section = fran.Section(Circle);
        await section.GetByLabel("Where it goes").FocusAsync();
        await fran.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(section.GetByLabel("Where it goes")).ToHaveValueAsync("|Friends");
        await fran.Page.Keyboard.PressAsync("Tab");
        await fran.Page.Keyboard.TypeAsync("Jo from college");
        await fran.Page.Keyboard.PressAsync("Tab");
        await fran.Page.Keyboard.PressAsync("Tab");
        await Expect(section.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true })).ToBeFocusedAsync();
        await fran.Page.Keyboard.PressAsync("Enter");

        await Expect(section.GetByRole(AriaRole.List, new() { Name = "Friends" })).ToContainTextAsync("Jo from college");
        var friends = screen.GetByRole(AriaRole.List, new() { Name = "Friends" });
        await Expect(friends).ToHaveTextAsync("Jo from college");
        await Expect(screen.GetByRole(AriaRole.List, new() { Name = "Family" })).ToHaveTextAsync("Mum");
        var family = await screen.Locator(".rings__ring", new() { Has = screen.GetByRole(AriaRole.Heading, new() { Name = "Family" }) }).Last.BoundingBoxAsync();
        var paid = await screen.Locator(".rings__ring").First.BoundingBoxAsync();
        Assert.True(paid!.X < family!.X && paid.Y < family.Y && paid.X + paid.Width > family.X + family.Width && paid.Y + paid.Height > family.Y + family.Height,
            "Family is drawn inside the outer ring.");
        Assert.True(paid.Y + paid.Height <= 1080, "The rings fit one 1920×1080 screen.");
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-relationship-circle-1920x1080.png") });
        Assert.Empty(await Participant.AccessibilityViolationsAsync(screen, sevenToOne: true));
        Assert.Empty(await fran.AccessibilityViolationsAsync());

        var minutes = await fran.DownloadMinutesAsync();
        Assert.Contains("### Friends\n\n- Jo from college (Fran Facilitator, Facilitator)", await File.ReadAllTextAsync(minutes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doughnut_IsDrawnAsADoughnut_WithEachResponsibilityInItsPart()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Doughnut", "2026-12-01", "Doughnut");
        var screen = await fran.OpenBigScreenAsync();
        var section = fran.Section("The doughnut");
        foreach (var (part, words) in new[] { ("Core responsibilities", "Give Sam his tablets at 8"), ("Judgement and creativity", "Finding new things to do at weekends"), ("Not our paid responsibility", "Choosing Sam's friends") })
        {
            await section.GetByLabel("Where it goes").SelectOptionAsync(new SelectOptionValue { Label = part });
            await fran.AddCardAsync("The doughnut", words);
        }

        await Expect(screen.GetByRole(AriaRole.List, new() { Name = "Core responsibilities" })).ToHaveTextAsync("Give Sam his tablets at 8");
        await Expect(screen.GetByRole(AriaRole.List, new() { Name = "Not our paid responsibility" })).ToHaveTextAsync("Choosing Sam's friends");
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-doughnut-1920x1080.png") });
        Assert.Empty(await Participant.AccessibilityViolationsAsync(screen, sevenToOne: true));

        var usual = await CardTextSize(screen);
        await screen.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        Assert.True(await CardTextSize(screen) > usual * 1.1, "Larger text makes the doughnut's words larger.");
        Assert.Equal(1080, await screen.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
    }

    [Fact]
    public async Task CommunicationChart_ARowTypedByKeyboard_IsOnTheBoardAndTheBigScreenUnderItsColumns_AndItsAnswersCanBeChanged()
    {
        const string Chart = "How Sam Jones communicates";
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "sister");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Communication chart", "2026-12-01", "Communication chart");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        var screen = await fran.OpenBigScreenAsync();
        await fran.Section(Chart).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();

        // Only the keyboard: each column's box in turn, then Add.
        var section = ana.Section(Chart);
        await section.GetByLabel("When this happens").FocusAsync();
        await ana.Page.Keyboard.TypeAsync("Sam is kept waiting");
        foreach (var answer in new[] { "Sam rocks and hums", "Sam is worried it will not happen", "Tell Sam how long <b>and</b> show it" })
        {
            await ana.Page.Keyboard.PressAsync("Tab");
            await ana.Page.Keyboard.TypeAsync(answer);
        }

        await section.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).FocusAsync();
        await ana.Page.Keyboard.PressAsync("Enter");

        var card = fran.Section(Chart).Locator(".card").First;
        await Expect(card.Locator("dt")).ToHaveTextAsync(["When this happens", "Sam Jones does this", "We think it means", "And we should"]);
        await Expect(card.Locator("dd")).ToHaveTextAsync(["Sam is kept waiting", "Sam rocks and hums", "Sam is worried it will not happen", "Tell Sam how long <b>and</b> show it"]);
        await Expect(section.GetByLabel("Sam Jones does this")).ToHaveValueAsync("");
        await Expect(screen.Locator(".chart__column")).ToHaveTextAsync(["When this happens", "Sam Jones does this", "We think it means", "And we should"]);
        await Expect(screen.Locator(".chart__rows dd")).ToHaveTextAsync(["Sam is kept waiting", "Sam rocks and hums", "Sam is worried it will not happen", "Tell Sam how long <b>and</b> show it"]);
        var firstColumn = await screen.Locator(".chart__column").First.BoundingBoxAsync();
        var firstAnswer = await screen.Locator(".chart__rows dd").First.BoundingBoxAsync();
        var lastAnswer = await screen.Locator(".chart__rows dd").Last.BoundingBoxAsync();
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-communication-chart-1920x1080.png") });
        Assert.True(Math.Abs(firstColumn!.X - firstAnswer!.X) < 2 && lastAnswer!.Y == firstAnswer.Y, $"Each answer is drawn under its column, in one row.");
        await ana.ScreenshotAsync("board-communication-chart");
        Assert.Empty(await Participant.AccessibilityViolationsAsync(screen, sevenToOne: true));
        Assert.Empty(await ana.AccessibilityViolationsAsync());

        await card.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await card.GetByLabel("We think it means").FillAsync("Sam does not know when it will happen");
        Assert.Empty(await fran.AccessibilityViolationsAsync());
        await card.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(ana.Section(Chart).Locator(".card dd").Nth(2)).ToHaveTextAsync("Sam does not know when it will happen");
        await Expect(screen.Locator(".chart__rows dd").Nth(2)).ToHaveTextAsync("Sam does not know when it will happen");
        // A row with a column nobody can answer yet: left out on the board, an empty cell on the big screen.
        await section.GetByLabel("When this happens").FillAsync("A loud room");
        await section.GetByLabel("Sam Jones does this").FillAsync("Covers his ears");
        await section.GetByLabel("And we should").FillAsync("Find somewhere quieter");
        await section.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var second = screen.Locator(".chart__rows .screen__card").Nth(1);
        await Expect(second.Locator("dd")).ToHaveTextAsync(["A loud room", "Covers his ears", "", "Find somewhere quieter"]);
        await Expect(fran.Section(Chart).Locator(".card").Nth(1).Locator("dt:visible")).ToHaveTextAsync(["When this happens", "Sam Jones does this", "And we should"]);
        var shouldColumn = await screen.Locator(".chart__column").Nth(3).BoundingBoxAsync();
        var shouldAnswer = await second.Locator("dd").Nth(3).BoundingBoxAsync();
        Assert.True(Math.Abs(shouldColumn!.X - shouldAnswer!.X) < 2, "An answer stays under its own column when the one before it is empty.");

        var minutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        Assert.Contains("- When this happens: Sam is kept waiting  \n  Sam Jones does this: Sam rocks and hums  \n  We think it means: Sam does not know when it will happen  \n"
            + "  And we should: Tell Sam how long \\<b\\>and\\</b\\> show it (Ana Jones, sister, words changed by Fran Facilitator)", minutes, StringComparison.Ordinal);
    }

    private static Task<double> CardTextSize(IPage screen) =>
        screen.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.rings__ring .screen__card')).fontSize)");
}
