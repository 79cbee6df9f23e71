using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>
/// A review in Welsh, as a facilitator in Conwy runs it: the switcher, a Welsh review whose
/// invitation opens in Welsh, a relative adding to it, an action read in Welsh words, the minutes in
/// Welsh; and every page in both languages, at a phone's width and a laptop's.
/// </summary>
public sealed class WelshBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "Beth rydyn ni'n ei hoffi a'i edmygu am Sam Jones";
    private const string Actions = "Camau gweithredu";

    [Fact]
    public async Task AWholeReview_RunInWelsh_ByAFacilitatorAndARelative_AndThePersonKeepsEasyReadMinutesInWelsh()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 390);
        await using var sam = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "person", width: 390);
        await fran.SetUpAsync(App.Logs);

        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Eich adolygiadau");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Adolygiad newydd" }).ClickAsync();
        await fran.Page.GetByLabel("Enw'r person").FillAsync("Sam Jones");
        await fran.Page.GetByLabel("Teitl yr adolygiad").FillAsync("Adolygiad blynyddol");
        await fran.Page.GetByLabel("Dyddiad").FillAsync("2026-12-01");
        await fran.Page.GetByLabel("Templed").SelectOptionAsync(new SelectOptionValue { Label = "Adolygiad person-ganolog" });
        await Expect(fran.Page.GetByRole(AriaRole.Radio, new() { Name = "Cymraeg" })).ToBeCheckedAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Creu adolygiad" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Adolygiad blynyddol");
        await fran.ExpectLiveAsync();
        var samsLink = await fran.Page.GetByLabel("Dolen wahoddiad").InputValueAsync();
        await sam.JoinAsync(samsLink.Length > 0 ? samsLink : throw new InvalidOperationException("No link for the person."), "Ymuno");
        var nameBox = fran.Page.GetByLabel("Enw", new() { Exact = true });
        if (!await nameBox.IsVisibleAsync())
        {
            await fran.Page.GetByText("Gwahodd rhywun").ClickAsync();
        }

        await nameBox.FillAsync("Ana Jones");
        await fran.Page.GetByLabel("Perthynas").FillAsync("chwaer");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Creu dolen wahoddiad" }).ClickAsync();
        await Expect(fran.Page.GetByLabel("Dolen wahoddiad")).Not.ToHaveValueAsync(samsLink);
        var link = await fran.Page.GetByLabel("Dolen wahoddiad").InputValueAsync();

        // Ana's browser speaks English; the invitation to a Welsh review opens in Welsh all the same.
        await ana.Page.GotoAsync(link);
        await Expect(ana.Page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Ymuno" }).ClickAsync();
        await ana.ExpectLiveAsync();
        var box = ana.Section(LikeAndAdmire).GetByLabel($"Ychwanegu at “{LikeAndAdmire}”");
        await box.FillAsync("Mae Sam yn gwneud i bawb chwerthin");
        await ana.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Ychwanegu", Exact = true }).ClickAsync();
        await Expect(fran.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Mae Sam yn gwneud i bawb chwerthin");

        var actions = fran.Section(Actions);
        await actions.GetByLabel("Beth fydd yn cael ei wneud").FillAsync("Trefnu gwersi nofio");
        await actions.GetByLabel("Pwy fydd yn ei wneud").FillAsync("Ana Jones");
        await actions.GetByLabel("Erbyn pryd").FillAsync("2026-12-22");
        await actions.GetByRole(AriaRole.Button, new() { Name = "Ychwanegu cam gweithredu" }).ClickAsync();
        await Expect(ana.Section(Actions).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Ana Jones, erbyn 22 Rhagfyr 2026 (i'w wneud ymhen 3 wythnos)");
        await ana.ScreenshotAsync("welsh-board");
        await fran.ScreenshotAsync("welsh-board");

        var minutes = await fran.Context.NewPageAsync();
        await minutes.GotoAsync((await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Cofnodion", Exact = true }).GetAttributeAsync("href"))!);
        await Expect(minutes.Locator("article.minutes[lang=cy]").GetByRole(AriaRole.Heading, new() { Name = LikeAndAdmire })).ToBeVisibleAsync();
        var download = await minutes.RunAndWaitForDownloadAsync(() => minutes.GetByRole(AriaRole.Link, new() { Name = "Lawrlwytho’r cofnodion yn Gymraeg (.md)" }).ClickAsync());
        Assert.Equal("2026-12-01-sam-jones-adolygiad.md", download.SuggestedFilename);

        await minutes.GetByRole(AriaRole.Link, new() { Name = "Cofnodion hawdd eu darllen" }).ClickAsync();
        await Expect(minutes.GetByRole(AriaRole.Heading, new() { Name = "Beth mae pobl yn ei hoffi am Sam Jones" })).ToBeVisibleAsync();
        await Expect(minutes.Locator(".easy-read__row").Filter(new() { HasText = "Trefnu gwersi nofio" })).ToContainTextAsync("Pryd: erbyn Dydd Mawrth 22 Rhagfyr 2026");
        await minutes.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "easy-read-welsh.png"), FullPage = true });
        await minutes.EmulateMediaAsync(new() { Media = Media.Print });
        await minutes.SetViewportSizeAsync(794, 1123);
        Assert.True(await minutes.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.easy-read__words p')).fontSize)") >= 16 * 96 / 72.0, "Easy-read text is under 16pt on paper.");
        await minutes.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "easy-read-welsh-first-printed-page.png") });
        await minutes.PdfAsync(new() { Format = "A4", Path = Path.Combine(RepoPaths.TestResults, "easy-read-welsh.pdf") });

        // Fran closes the review; Sam, whose browser speaks English, agrees with the minutes in Welsh and keeps the easy read.
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Cau'r adolygiad" }).ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Cau'r adolygiad" }).ClickAsync();
        await Expect(sam.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/minutes/[0-9a-f]{32}$"));
        await sam.Page.GetByRole(AriaRole.Radio, new() { Name = "Rwy'n cytuno â'r cofnodion hyn" }).CheckAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Llofnodi'r cofnodion" }).ClickAsync();
        await sam.Page.GetByRole(AriaRole.Link, new() { Name = "Cofnodion hawdd eu darllen" }).ClickAsync();
        var easyRead = await sam.Page.RunAndWaitForDownloadAsync(() => sam.Page.GetByRole(AriaRole.Link, new() { Name = "Lawrlwytho’r cofnodion hawdd eu darllen (.html)" }).ClickAsync());
        var kept = Path.Combine(RepoPaths.TestResults, $"welsh-{easyRead.SuggestedFilename}");
        await easyRead.SaveAsAsync(kept);
        var keptText = await File.ReadAllTextAsync(kept);
        Assert.Equal("2026-12-01-sam-jones-adolygiad-hawdd-ei-ddarllen.html", easyRead.SuggestedFilename);
        Assert.Contains("Dywedodd Sam Jones fod y nodiadau hyn yn iawn.", keptText, StringComparison.Ordinal);
        Assert.Contains("Trefnu gwersi nofio", keptText, StringComparison.Ordinal);
        Assert.Empty(fran.ConsoleErrors.Concat(ana.ConsoleErrors).Concat(sam.ConsoleErrors));
    }

    [Fact]
    public async Task SwitchingLanguage_KeepsWhatWasTyped()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        await ana.Section("What we like and admire about Sam Jones").GetByRole(AriaRole.Textbox).FillAsync("Sam is always kind to the dog");

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Cymraeg" }).ClickAsync();

        await Expect(ana.Page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(ana.Section(LikeAndAdmire).GetByLabel($"Ychwanegu at “{LikeAndAdmire}”")).ToHaveValueAsync("Sam is always kind to the dog");
        await Expect(ana.Page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryPage_InWelshAndInEnglish_At320And1280_HasNoAccessibilityViolations_AndNeverScrollsSideways()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var board = new Uri(fran.Page.Url).AbsolutePath;
        var reviewId = board.Split('/').Last();
        var link = await fran.InviteAsync("Ana Jones", "sister");
        await ana.JoinAsync(link);
        await ana.AddCardAsync("What we like and admire about Sam Jones", "Sam is a brilliant cook, and a generous host to everyone who visits the flat on a Sunday.");
        var person = new Uri(new Uri(fran.Page.Url), await fran.Page.GetByRole(AriaRole.Link, new() { Name = "All of Sam Jones's reviews" }).GetAttributeAsync("href")).AbsolutePath;
        (Participant Who, string Path)[] pages =
        [
            (fran, person), (fran, $"/reviews/new?after={reviewId}"), (ana, "/reviews/0123456789abcdef0123456789abcdef"),
            (fran, "/"), (fran, "/reviews/new"), (fran, board), (fran, $"/minutes/{reviewId}"), (fran, $"/minutes/{reviewId}?in=both"), (fran, $"/minutes/{reviewId}/easy-read"),
            (fran, $"/screen/{reviewId}"), (fran, "/facilitators"), (ana, board), (ana, "/join"), (ana, "/sign-in"), (ana, "/join/not-a-real-invitation"),
        ];

        var problems = new List<string>();
        foreach (var language in new[] { "cy", "en" })
        {
            foreach (var width in new[] { 320, 1280 })
            {
                foreach (var (who, path) in pages)
                {
                    await who.Context.AddCookiesAsync([new Cookie { Name = "rr-language", Value = $"c={language}-GB|uic={language}-GB", Url = App.RootUri.ToString() }]);
                    await who.Page.SetViewportSizeAsync(width, 900);
                    await who.Page.GotoAsync(path);
                    await Expect(who.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
                    problems.AddRange((await who.AccessibilityViolationsAsync()).Select(v => $"{path} in {language} at {width}px: {v}"));
                    if (await who.Page.EvaluateAsync<string>(WiderThanTheWindow) is { Length: > 0 } wider)
                    {
                        problems.Add($"{path} in {language} at {width}px scrolls sideways: {wider}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Empty when the page fits its window; otherwise the outermost elements that stick out, to mend.
    private const string WiderThanTheWindow = """
        () => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return '';
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > width + 0.5))
                .slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`)
                .join(', ');
        }
        """;
}
