using System.Text.Json;
using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>One person at their own device: a page object for the review room.</summary>
internal sealed class Participant : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private readonly string _who;

    private Participant(IBrowserContext context, IPage page, string who)
    {
        (_context, _page, _who) = (context, page, who);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                ConsoleErrors.Add($"{response.Status} {response.Url}");
            }
        };
    }

    public IPage Page => _page;

    public IBrowserContext Context => _context;

    /// <summary>Errors the browser reported, such as a script the Content Security Policy blocked.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <param name="locale">The browser's own language, which a first visit follows.</param>
    public static async Task<Participant> ArriveAsync(IBrowser browser, Uri root, string who, int width = 1280, string locale = "en-GB")
    {
        var context = await browser.NewContextAsync(new() { BaseURL = root.ToString(), ViewportSize = new() { Width = width, Height = 900 }, AcceptDownloads = true, Locale = locale });
        return new Participant(context, await context.NewPageAsync(), who);
    }

    /// <summary>First run: sets up the administrator account with the code the server wrote to its log.</summary>
    public Task SetUpAsync(CapturedLogs logs, string name = "Fran Facilitator", string email = "fran@example.org") => SetUpAsync(logs.Lines, "/", name, email);

    /// <summary>First run on one server in particular: its log, its address.</summary>
    public Task SetUpAsync(ServerProcess server) => SetUpAsync(server.LogLines, server.RootUri.ToString(), "Fran Facilitator", "fran@example.org");

    /// <summary>The cookie the proxy keeps this browser to one server by: that server's name.</summary>
    public async Task<string?> ServerAsync() => (await _context.CookiesAsync()).FirstOrDefault(c => c.Name == HaProxy.StickyCookie)?.Value;

    private async Task SetUpAsync(IEnumerable<string> logLines, string home, string name, string email)
    {
        var code = System.Text.RegularExpressions.Regex.Match(string.Join('\n', logLines), @"setup code: ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4})+)").Groups[1].Value;
        await _page.GotoAsync(home);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Set up ReviewRoom" }).ClickAsync();
        await _page.GetByLabel("Setup code").FillAsync(code);
        await _page.GetByLabel("Your name").FillAsync(name);
        await _page.GetByLabel("Email address").FillAsync(email);
        await _page.GetByLabel("Choose a password").FillAsync(Visitor.Password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create administrator account" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your reviews");
    }

    public async Task CreateReviewAsync(string personName, string title, string date, string template = "Person-centred review")
    {
        await _page.GotoAsync("/");
        await _page.GetByRole(AriaRole.Button, new() { Name = "New review" }).ClickAsync();
        await _page.GetByLabel("Person's name").FillAsync(personName);
        await _page.GetByLabel("Review title").FillAsync(title);
        await _page.GetByLabel("Date").FillAsync(date);
        await _page.GetByLabel("Template").SelectOptionAsync(new SelectOptionValue { Label = template });
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create review" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await ExpectLiveAsync();
    }

    public async Task<string> InviteAsync(string name, string relationship)
    {
        var nameBox = _page.GetByLabel("Name", new() { Exact = true });
        if (!await nameBox.IsVisibleAsync())
        {
            await _page.GetByText("Invite someone").ClickAsync();
        }

        await nameBox.FillAsync(name);
        await _page.GetByLabel("Relationship").FillAsync(relationship);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = _page.GetByLabel("Invitation link");
        await Expect(link).Not.ToBeEditableAsync();
        return await link.InputValueAsync();
    }

    /// <param name="join">The button's words, in the language the invitation opens in.</param>
    public async Task JoinAsync(string invitationLink, string join = "Join")
    {
        await _page.GotoAsync(invitationLink);
        await _page.GetByRole(AriaRole.Button, new() { Name = join }).ClickAsync();
        await ExpectLiveAsync();
    }

    /// <summary>The big screen for this board, in a tab of its own at 1920×1080.</summary>
    public async Task<IPage> OpenBigScreenAsync()
    {
        var href = await _page.GetByRole(AriaRole.Link, new() { Name = "Open big screen" }).GetAttributeAsync("href");
        var screen = await _context.NewPageAsync();
        await screen.SetViewportSizeAsync(1920, 1080);
        await screen.GotoAsync(href!);
        await Expect(screen.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "live");
        return screen;
    }

    public ILocator Section(string heading) => _page.GetByRole(AriaRole.Region, new() { Name = heading });

    public async Task AddCardAsync(string sectionHeading, string text)
    {
        var section = Section(sectionHeading);
        var box = section.GetByLabel($"Add to “{sectionHeading}”");
        await box.FillAsync(text);
        await section.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(box).ToHaveValueAsync("");
    }

    public Task ExpectLiveAsync() =>
        Expect(_page.GetByRole(AriaRole.Status).First).ToHaveAttributeAsync("data-state", "live");

    /// <summary>Opens the minutes from the board in a tab of their own, downloads the Markdown, and closes the tab.</summary>
    public async Task<string> DownloadMinutesAsync()
    {
        var minutesPage = await _context.NewPageAsync();
        var minutesLink = (await _page.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }).GetAttributeAsync("href"))!;
        await minutesPage.GotoAsync(minutesLink);
        var download = await minutesPage.RunAndWaitForDownloadAsync(() => minutesPage.GetByRole(AriaRole.Link, new() { Name = "Download the minutes in English (.md)" }).ClickAsync());
        // Tests run side by side and name their people alike: the review's id keeps each file apart.
        var path = Path.Combine(RepoPaths.TestResults, $"{minutesLink.Split('/').Last()[..8]}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        await minutesPage.CloseAsync();
        return path;
    }

    /// <summary>axe-core's violations on the current page, as "rule: nodes" lines.</summary>
    public Task<IReadOnlyList<string>> AccessibilityViolationsAsync() => AccessibilityViolationsAsync(_page);

    /// <summary>
    /// What axe finds wrong with a page: this participant's, or a big screen they opened; with
    /// <paramref name="sevenToOne"/>, text below 7:1 contrast too (WCAG's enhanced contrast, which the big screen keeps).
    /// </summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page, bool sevenToOne = false)
    {
        // Evaluated rather than added as a script tag, so the page's Content Security Policy stays on.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js")));
        var json = await page.EvaluateAsync<string>(
            "async (enhanced) => JSON.stringify((await axe.run(document, { rules: { 'color-contrast-enhanced': { enabled: enhanced } } })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
            sevenToOne);
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    public Task ScreenshotAsync(string name) =>
        _page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, $"{name}-{_who}.png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
