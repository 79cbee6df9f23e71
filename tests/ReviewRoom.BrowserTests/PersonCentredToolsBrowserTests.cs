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
        Assert.Empty(await Participant.AccessibilityViolationsAsync(screen));
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
        Assert.Empty(await Participant.AccessibilityViolationsAsync(screen));
    }
}
