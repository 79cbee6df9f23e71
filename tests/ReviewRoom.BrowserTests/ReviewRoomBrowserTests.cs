using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class ReviewRoomBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    [Fact]
    public async Task Relative_JoinsFromTheLinkAndAddsACard_FacilitatorSeesItLiveAndInTheMinutes()
    {
        await using var facilitator = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 390);
        await facilitator.SetUpAsync(App.Logs);
        await facilitator.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var link = await facilitator.InviteAsync("Ana Jones", "sister");

        await relative.JoinAsync(link);
        await Expect(relative.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reviews/[0-9a-f]{32}$"));
        await Expect(facilitator.Page.Locator("#here-now")).ToContainTextAsync("Ana Jones, sister");
        await relative.AddCardAsync(LikeAndAdmire, "Sam makes everyone laugh <script>alert(1)</script>");

        var card = facilitator.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem);
        await Expect(card).ToContainTextAsync("Sam makes everyone laugh <script>alert(1)</script>");
        await Expect(card).ToContainTextAsync("Ana Jones, sister");
        // Others' changes are read out together at most every 5 seconds: Ana's arrival may have been read out just before.
        await Expect(facilitator.Page.Locator("#announcer")).ToContainTextAsync("Ana Jones added to What we like and admire about Sam Jones");
        await facilitator.ScreenshotAsync("board");
        await relative.ScreenshotAsync("board");

        var minutes = await File.ReadAllTextAsync(await facilitator.DownloadMinutesAsync());
        Assert.Contains("- Sam makes everyone laugh \\<script\\>alert(1)\\</script\\> (Ana Jones, sister)", minutes, StringComparison.Ordinal);
        Assert.Contains("- Ana Jones (sister)", minutes, StringComparison.Ordinal);
        Assert.True(facilitator.ConsoleErrors.Count == 0, string.Join("\n", facilitator.ConsoleErrors));
        Assert.True(relative.ConsoleErrors.Count == 0, string.Join("\n", relative.ConsoleErrors));
    }

    [Fact]
    public async Task Relative_EditingACard_KeepsFocusAndWhatTheyTyped_WhenTheFacilitatorMovesTheRoomOn()
    {
        await using var facilitator = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await facilitator.SetUpAsync(App.Logs);
        await facilitator.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await relative.JoinAsync(await facilitator.InviteAsync("Ana Jones", "sister"));
        await relative.AddCardAsync(LikeAndAdmire, "Sam is kind");
        var card = relative.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Sam is kind" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        var box = relative.Page.GetByRole(AriaRole.Textbox, new() { Name = "Edit the card" });
        await box.FillAsync("Sam is kind and very funny");

        await facilitator.Section("Questions to answer").GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();

        await Expect(relative.Section("Questions to answer")).ToContainTextAsync("Now discussing");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync("Sam is kind and very funny");
    }

    [Fact]
    public async Task Relative_WhoLosesTheConnection_KeepsWhatTheyTypedAndItIsSentOnReturn()
    {
        await using var facilitator = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await facilitator.SetUpAsync(App.Logs);
        await facilitator.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await relative.JoinAsync(await facilitator.InviteAsync("Ana Jones", "sister"));

        await relative.Context.SetOfflineAsync(true);
        await Expect(relative.Page.Locator("#connection-status")).Not.ToHaveAttributeAsync("data-state", "live");
        var box = relative.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox);
        await box.FillAsync("Sam is a brilliant cook");
        await relative.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(relative.Section(LikeAndAdmire)).ToContainTextAsync("Not sent yet");
        await Expect(box).ToHaveValueAsync("Sam is a brilliant cook");
        await relative.ScreenshotAsync("offline");

        await relative.Context.SetOfflineAsync(false);

        await Expect(facilitator.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Sam is a brilliant cook");
        await Expect(box).ToHaveValueAsync("");
        await Expect(relative.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task EveryPage_HasNoAccessibilityViolations_AndFitsAPhone()
    {
        await using var facilitator = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 320);
        var violations = new Dictionary<string, IReadOnlyList<string>>();

        await facilitator.Page.GotoAsync("/");
        violations["home, first run"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.Page.GotoAsync("/setup");
        await facilitator.Page.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();
        await Expect(facilitator.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That setup code is not right");
        violations["setup with errors"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.SetUpAsync(App.Logs);
        violations["your reviews"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.Page.GotoAsync("/reviews/new");
        violations["new review"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.Page.GetByRole(AriaRole.Button, new() { Name = "Create review" }).ClickAsync();
        await Expect(facilitator.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the person's name");
        violations["new review with errors"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.ScreenshotAsync("new-review-errors");
        await facilitator.Page.GotoAsync("/facilitators");
        violations["facilitators"] = await facilitator.AccessibilityViolationsAsync();
        await facilitator.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var link = await facilitator.InviteAsync("Ana Jones", "sister");
        violations["board"] = await facilitator.AccessibilityViolationsAsync();

        await relative.Page.GotoAsync(link);
        violations["join"] = await relative.AccessibilityViolationsAsync();
        await relative.ScreenshotAsync("join-320");
        await relative.JoinAsync(link);
        var box = relative.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox);
        await box.FocusAsync();
        await relative.Page.Keyboard.TypeAsync("A card long enough to wrap on the narrowest phone screen there is, typed and sent from the keyboard.");
        await relative.Page.Keyboard.PressAsync("Tab");
        await relative.Page.Keyboard.PressAsync("Tab");
        await Expect(relative.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Add" })).ToBeFocusedAsync();
        await relative.Page.Keyboard.PressAsync("Enter");
        await Expect(relative.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToContainTextAsync("sent from the keyboard");
        violations["board at 320px"] = await relative.AccessibilityViolationsAsync();
        await relative.ScreenshotAsync("board-320");

        await relative.Page.GotoAsync("/sign-in");
        violations["sign in"] = await relative.AccessibilityViolationsAsync();
        await relative.Page.GotoAsync("/join/not-a-real-invitation");
        violations["broken invitation link"] = await relative.AccessibilityViolationsAsync();
        await relative.Page.GotoAsync("/reviews/0123456789abcdef0123456789abcdef");
        await Expect(relative.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this review");
        violations["someone else's review"] = await relative.AccessibilityViolationsAsync();

        Assert.All(violations, page => Assert.True(page.Value.Count == 0, $"{page.Key}: {string.Join("; ", page.Value)}"));
        Assert.True(await relative.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), "The board scrolls sideways at 320px.");
    }
}
