using System.Text;
using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class MinutesBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    [Fact]
    public async Task ClosedReview_IsSignedOff_SharedWithOneContributorOnly_AndTheNextReviewOpensWithLastTimesActions()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var sam = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "person", width: 390);
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "shared-sister");
        await using var raj = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "unshared-worker");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var samsLink = await fran.Page.GetByLabel("Invitation link").InputValueAsync();
        var anasLink = await fran.InviteAsync("Ana Jones", "sister");
        var rajsLink = await fran.InviteAsync("Raj Patel", "support worker");
        await sam.JoinAsync(samsLink);
        await ana.JoinAsync(anasLink);
        await raj.JoinAsync(rajsLink);
        await ana.AddCardAsync(LikeAndAdmire, "Makes everyone laugh");
        var actions = fran.Section("Actions");
        await actions.GetByLabel("What will be done").FillAsync("Find a swimming club");
        await actions.GetByLabel("Who will do it").FillAsync("Ana Jones");
        await actions.GetByLabel("By when").FillAsync("2027-01-15");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Expect(actions.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Find a swimming club");

        await fran.Page.GetByText("Date, time, place, next review and apologies").ClickAsync();
        await fran.Page.GetByLabel("Where the review is held").FillAsync("Oak House");
        await fran.Page.GetByLabel("Date of the next review").FillAsync("2027-06-01");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await fran.Page.GetByText("Date, time, place, next review and apologies").ClickAsync();
        await fran.Page.GetByLabel("Who could not come").FillAsync("Dr Amina Shah");
        await fran.Page.GetByLabel("How they know Sam Jones").FillAsync("GP");
        await fran.Page.GetByLabel("What they sent in writing (optional)").FillAsync("The new medication is working well.");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Add apologies" }).ClickAsync();

        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Close the review" }).ClickAsync();
        var confirmViolations = await fran.AccessibilityViolationsAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Close the review" }).ClickAsync();

        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annual review");
        await Expect(sam.Page.GetByRole(AriaRole.Heading, new() { Name = "Do you agree with these minutes?" })).ToBeVisibleAsync();
        await Expect(ana.Page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "refused");

        await sam.Page.GetByLabel("Ana Jones, sister").CheckAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save who may read them" }).ClickAsync();
        await sam.Page.GetByLabel("I don't agree with these minutes").CheckAsync();
        await sam.Page.GetByLabel("If you don't agree, say why").FillAsync("Evenings are fine.\n<b>I like quiet evenings.</b>");
        var signOffViolations = await sam.AccessibilityViolationsAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Sign off the minutes" }).ClickAsync();
        await Expect(sam.Page.Locator(".minutes")).ToContainTextAsync("Sam Jones does not agree with these minutes");
        await Expect(sam.Page.Locator(".minutes blockquote")).ToContainTextAsync("<b>I like quiet evenings.</b>");
        await sam.ScreenshotAsync("minutes-signed-off");

        var minutesUrl = fran.Page.Url;
        await ana.Page.GotoAsync(minutesUrl);
        await Expect(ana.Page.Locator(".minutes")).ToContainTextAsync("Makes everyone laugh");
        await Expect(ana.Page.Locator(".minutes")).ToContainTextAsync("Written contribution from Dr Amina Shah (GP)");
        var rajs = await raj.Page.GotoAsync(minutesUrl);
        Assert.Equal(403, rajs!.Status);

        await fran.Page.ReloadAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Plan the next review" }).ClickAsync();
        await Expect(fran.Page.GetByLabel("Ana Jones, sister")).ToBeCheckedAsync();
        await fran.Page.GetByLabel("Raj Patel, support worker").UncheckAsync();
        await fran.Page.GetByLabel("Review title").FillAsync("Review, June 2027");
        var planViolations = await fran.AccessibilityViolationsAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Create review" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review, June 2027");
        await fran.ExpectLiveAsync();
        var lastTime = fran.Section("Actions from last time");
        await Expect(lastTime.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Find a swimming club");
        await lastTime.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Partly done" });
        await lastTime.GetByLabel("How it went").FillAsync("One club has a quiet session on Tuesdays");
        await Expect(fran.Page.GetByLabel("Invitation link for Ana Jones")).ToBeVisibleAsync();
        await Expect(fran.Page.GetByLabel("Invitation link for Raj Patel")).ToHaveCountAsync(0);
        await lastTime.GetByRole(AriaRole.Button, new() { Name = "Save how it went" }).ClickAsync();
        await Expect(fran.Page.Locator("#announcer")).ToContainTextAsync("Saved how it went: Find a swimming club");
        await fran.ScreenshotAsync("next-review");
        await fran.Page.ReloadAsync();
        await Expect(lastTime.GetByLabel("How it went")).ToHaveValueAsync("One club has a quiet session on Tuesdays");
        await Expect(lastTime.GetByLabel("Status")).ToHaveValueAsync("PartlyDone");
        var nextMinutes = await File.ReadAllTextAsync(await fran.DownloadMinutesAsync());
        Assert.Contains("## Actions from last time\n\n- Find a swimming club  \n  Who: Ana Jones. Was due: 15 January 2027. Status: Partly done.  \n  Note: One club has a quiet session on Tuesdays", nextMinutes, StringComparison.Ordinal);
        Assert.True(planViolations.Count == 0, string.Join("; ", planViolations));
        Assert.True(confirmViolations.Count == 0, string.Join("; ", confirmViolations));
        Assert.True(signOffViolations.Count == 0, string.Join("; ", signOffViolations));
    }

    [Fact]
    public async Task MinutesPage_PrintsOnA4_WithoutItsButtons()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        for (var i = 1; i <= 30; i++)
        {
            await fran.AddCardAsync(LikeAndAdmire, $"Strength number {i}: kind, funny and brave, and always the first to help a friend who needs it.");
        }

        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).ClickAsync();
        var violations = await fran.AccessibilityViolationsAsync();
        await fran.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(fran.Page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Link, new() { Name = "Download the minutes in English (.md)" })).ToBeHiddenAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeHiddenAsync();
        Assert.Equal("avoid", await fran.Page.Locator(".minutes li").First.EvaluateAsync<string>("li => getComputedStyle(li).breakInside"));
        var pdfPath = Path.Combine(RepoPaths.TestResults, "minutes.pdf");
        var pdf = await fran.Page.PdfAsync(new() { Format = "A4", Path = pdfPath, PrintBackground = true });
        var pdfText = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", pdfText, StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.Count(pdfText, @"/Type\s*/Page[^s]") >= 2, "Thirty strengths run onto a second A4 page.");

        await fran.Page.SetViewportSizeAsync(794, 1123);
        await fran.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "minutes-first-page.png") });
        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }

    [Fact]
    public async Task MinutesPage_DownloadsTheMinutesAsAWordDocument()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await fran.AddCardAsync(LikeAndAdmire, "Sam is brave <b>really</b>");
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).ClickAsync();

        var download = await fran.Page.RunAndWaitForDownloadAsync(() => fran.Page.GetByRole(AriaRole.Link, new() { Name = "Download the minutes in English (Word)" }).ClickAsync());
        var path = Path.Combine(RepoPaths.TestResults, $"word-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, isEditable: false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;

        Assert.Equal("2026-12-01-sam-jones-review.docx", download.SuggestedFilename);
        Assert.Contains("What we like and admire about Sam Jones", text, StringComparison.Ordinal);
        Assert.Contains("Sam is brave <b>really</b> (Fran Facilitator, Facilitator)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonsPage_ListsTheirReviews_AndLeavesCopiesAndDeletionToTheAdministrator()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");

        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "All of Sam Jones's reviews" }).ClickAsync();

        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sam Jones's reviews");
        await Expect(fran.Page.GetByRole(AriaRole.Link, new() { Name = "Annual review, 1 December 2026" })).ToBeVisibleAsync();
        await Expect(fran.Page.GetByText("your ReviewRoom administrator can do it")).ToBeVisibleAsync();
        var violations = await fran.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("; ", violations));
    }
}
