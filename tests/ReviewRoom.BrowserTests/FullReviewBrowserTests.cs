using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class FullReviewBrowserTests(Chromium chromium) : LiveApp
{
    private const string Grid = "What is working and not working";
    private const string Now = "What is important to Sam Jones now";
    private const string Future = "What is important to Sam Jones for the future";
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    [Fact]
    public async Task PersonCentredReview_WithThreePeople_EndsInMinutesThatHoldEverything()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "sister", width: 390);
        await using var raj = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "support-worker");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var anasLink = await fran.InviteAsync("Ana Jones", "sister");
        var rajsLink = await fran.InviteAsync("Raj Patel", "support worker");
        await ana.JoinAsync(anasLink);
        await raj.JoinAsync(rajsLink);

        // The grid: Ana's view defaults to Family; Raj chooses Staff, not working.
        await ana.AddCardAsync(Grid, "Loves the day centre");
        await raj.Section(Grid).GetByLabel("Where it goes").SelectOptionAsync(new SelectOptionValue { Label = "Staff: Not working" });
        await raj.AddCardAsync(Grid, "Evenings are too quiet");
        await Expect(fran.Page.GetByRole(AriaRole.List, new() { Name = "Family: Working" })).ToContainTextAsync("Loves the day centre");
        await Expect(fran.Page.GetByRole(AriaRole.List, new() { Name = "Staff: Not working" })).ToContainTextAsync("Evenings are too quiet");

        // An action with a named owner and a date.
        var actions = fran.Section("Actions");
        await actions.GetByLabel("What will be done").FillAsync("Ask the leisure centre about swimming lessons");
        await actions.GetByLabel("Who will do it").FillAsync("Ana Jones");
        await actions.GetByLabel("By when").FillAsync("2027-01-15");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Expect(ana.Section("Actions").GetByRole(AriaRole.Listitem)).ToContainTextAsync(new Regex(@"Ana Jones, by 15 January 2027 \((due in|overdue by) .+\)"));

        // A card moved to another section.
        await ana.AddCardAsync(Now, "Seeing Grandma on Sundays");
        var card = ana.Section(Now).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Seeing Grandma" });
        await card.Locator("summary").ClickAsync();
        await card.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = Future });
        await card.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Expect(fran.Section(Future).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Seeing Grandma on Sundays");
        await Expect(fran.Section(Now).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);

        // A delete, undone.
        await raj.AddCardAsync(LikeAndAdmire, "Always kind to the cat");
        await Expect(fran.Section(LikeAndAdmire)).ToContainTextAsync("Always kind to the cat");
        await raj.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(fran.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await raj.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(fran.Section(LikeAndAdmire)).ToContainTextAsync("Always kind to the cat");

        // "Now discussing": Ana, idle, is taken there; Raj, typing, is offered a button and keeps his focus.
        await ana.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var rajsBox = raj.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox).First;
        await rajsBox.FillAsync("Half-written thought");
        await rajsBox.FocusAsync();
        await fran.Section("Questions to answer").GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();
        await Expect(ana.Section("Questions to answer")).ToBeInViewportAsync();
        await Expect(ana.Section("Questions to answer")).ToContainTextAsync("Now discussing");
        await Expect(raj.Page.GetByRole(AriaRole.Button, new() { Name = "Go there" })).ToBeVisibleAsync();
        await Expect(rajsBox).ToBeFocusedAsync();
        await Expect(rajsBox).ToHaveValueAsync("Half-written thought");
        await fran.ScreenshotAsync("full-review");
        await ana.ScreenshotAsync("full-review");

        var minutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        Assert.Contains("### Family\n\n**Working**\n\n- Loves the day centre (Ana Jones, sister)", minutes, StringComparison.Ordinal);
        Assert.Contains("**Not working**\n\n- Evenings are too quiet (Raj Patel, support worker)", minutes, StringComparison.Ordinal);
        Assert.Contains("- Ask the leisure centre about swimming lessons  \n  Who: Ana Jones. By: 15 January 2027 (", minutes, StringComparison.Ordinal);
        Assert.Contains("## What is important to Sam Jones for the future\n\n- Seeing Grandma on Sundays (Ana Jones, sister)", minutes, StringComparison.Ordinal);
        Assert.Contains("- Always kind to the cat (Raj Patel, support worker)", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("Half-written thought", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_WalkedStepByStep_EndsInMinutesInTheOrderOfTheSteps()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "PATH", "2026-12-01", "PATH");
        string[] steps = ["The North Star", "The goal", "Now", "Who to enrol", "Getting stronger", "The next few months"];

        foreach (var step in steps)
        {
            await fran.Section(step).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();
            await Expect(fran.Section(step)).ToContainTextAsync("Now discussing");
            await fran.AddCardAsync(step, $"On the step {step}");
        }

        var firstSteps = fran.Section("First steps");
        await firstSteps.GetByLabel("What will be done").FillAsync("Phone the housing association");
        await firstSteps.GetByLabel("Who will do it").FillAsync("Ana Jones");
        await firstSteps.GetByLabel("By when").FillAsync("2026-12-08");
        await firstSteps.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Expect(firstSteps.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Phone the housing association");

        var minutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        var positions = steps.Select(step => minutes.IndexOf($"## {step}\n\n- On the step {step} (Fran Facilitator, Facilitator)", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("## First steps\n\n- Phone the housing association  \n  Who: Ana Jones. By: 8 December 2026", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfAssessment_TheChoiceAndWhoAgreed_AreSeenLiveAndKept()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var raj = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "team-member");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Oak House team", "Team self-assessment", "2026-12-01", "Team self-assessment");
        await raj.JoinAsync(await fran.InviteAsync("Raj Patel", "support worker"));

        var area = fran.Section("Person-centred reviews");
        await area.GetByLabel("Most reviews are person-centred, with the person and people they chose.").CheckAsync();
        await area.GetByLabel("Who agreed (optional)").FillAsync("Everyone at the team meeting");
        await area.GetByRole(AriaRole.Button, new() { Name = "Record choice" }).ClickAsync();

        await Expect(raj.Section("Person-centred reviews")).ToContainTextAsync("Chosen: Most reviews are person-centred, with the person and people they chose.");
        var minutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        Assert.Contains("## Person-centred reviews\n\nWe chose: Most reviews are person-centred, with the person and people they chose.\n\nAgreed by: Everyone at the team meeting", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfAssessment_ProgressOverTime_IsAChartWithItsTable_AndPassesAxe()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Oak House team", "Team self-assessment", "2026-12-01", "Team self-assessment");
        var area = fran.Section("Person-centred reviews");
        await area.GetByLabel("Most reviews are person-centred, with the person and people they chose.").CheckAsync();
        await area.GetByRole(AriaRole.Button, new() { Name = "Record choice" }).ClickAsync();
        await Expect(area).ToContainTextAsync("Chosen: Most reviews are person-centred");

        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "All of Oak House team's reviews" }).ClickAsync();
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Progress over time" }).ClickAsync();

        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Oak House team: progress over time");
        var chart = fran.Page.GetByRole(AriaRole.Img, new() { Name = "The statement chosen at each review, from 1 to 5: 1 December 2026: 3." });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Table, new() { Name = "Person-centred reviews" })).ToContainTextAsync("3. Most reviews are person-centred");
        var violations = await fran.AccessibilityViolationsAsync();
        await fran.ScreenshotAsync("progress");
        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }

    [Theory]
    [InlineData("Person-centred review")]
    [InlineData("PATH")]
    [InlineData("MAPS")]
    [InlineData("One-page profile")]
    [InlineData("4 plus 1 questions")]
    [InlineData("Team self-assessment")]
    [InlineData("Good days and bad days")]
    [InlineData("Routines")]
    [InlineData("Top tips")]
    [InlineData("Decision-making agreement")]
    [InlineData("Relationship circle")]
    [InlineData("Doughnut")]
    [InlineData("Communication chart")]
    public async Task EveryTemplatesBoardAndBigScreen_HaveNoAccessibilityViolations(string template)
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");

        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", template, "2026-12-01", template);

        var violations = await fran.AccessibilityViolationsAsync();
        await fran.ScreenshotAsync($"board-{template.Replace(' ', '-').ToLowerInvariant()}");
        var screen = await fran.OpenBigScreenAsync();
        var screenViolations = await Participant.AccessibilityViolationsAsync(screen, sevenToOne: true);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, $"big-screen-{template.Replace(' ', '-').ToLowerInvariant()}-1920x1080.png") });
        Assert.True(violations.Count == 0, string.Join("; ", violations));
        Assert.True(screenViolations.Count == 0, string.Join("; ", screenViolations));
    }
}
