using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>A review joined and taken part in by keyboard alone, and a phone's every target big enough for a finger.</summary>
public sealed class KeyboardAndTouchBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    // Every control someone can press, except links inside running text and the skip link (large once focused): those smaller than 44 × 44 px.
    private const string SmallTargets = """
        () => [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, a')]
            .filter(e => e.offsetParent !== null && !e.classList.contains('govuk-skip-link') && !(e.tagName === 'A' && e.closest('p, li') && !e.classList.contains('govuk-button')))
            .map(e => {
                // A radio or checkbox is pressed by its label too, as GOV.UK draws them.
                const target = (e.type === 'radio' || e.type === 'checkbox') ? e.closest('.govuk-radios__item, .govuk-checkboxes__item') ?? e : e;
                const box = target.getBoundingClientRect();
                return { name: (e.getAttribute('aria-label') || e.textContent || e.name || e.id || e.tagName).trim().slice(0, 40), width: box.width, height: box.height };
            })
            .filter(t => t.width < 44 || t.height < 44)
            .map(t => `${t.name} (${Math.round(t.width)} × ${Math.round(t.height)})`)
        """;

    [Fact]
    public async Task AReview_IsRunAndJoinedByKeyboardAlone()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 390);
        await fran.SetUpAsync(App.Logs);
        var (f, a) = (fran.Page, ana.Page);

        await f.GotoAsync("/");
        await PressAsync(f, f.GetByRole(AriaRole.Button, new() { Name = "New review" }), "Enter");
        await TypeAsync(f, f.GetByLabel("Person's name"), "Sam Jones");
        await TypeAsync(f, f.GetByLabel("Review title"), "Annual review");
        // The test Chromium's date boxes take month, day, year, whatever the page's language.
        await TypeAsync(f, f.GetByLabel("Date"), "12012026");
        await Expect(f.GetByLabel("Date")).ToHaveValueAsync("2026-12-01");
        await PressAsync(f, f.GetByRole(AriaRole.Button, new() { Name = "Create review" }), "Enter");
        await Expect(f.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Annual review");
        await fran.ExpectLiveAsync();
        var linkBox = f.GetByLabel("Invitation link");
        var personsLink = await linkBox.InputValueAsync();
        if (!await f.GetByLabel("Name", new() { Exact = true }).IsVisibleAsync())
        {
            await PressAsync(f, f.Locator("summary").Filter(new() { HasText = "Invite someone" }), "Enter");
        }

        await TypeAsync(f, f.GetByLabel("Name", new() { Exact = true }), "Ana Jones");
        await TypeAsync(f, f.GetByLabel("Relationship"), "sister");
        await PressAsync(f, f.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }), "Enter");
        await Expect(linkBox).Not.ToHaveValueAsync(personsLink);
        var link = await linkBox.InputValueAsync();

        await a.GotoAsync(link);
        await PressAsync(a, a.GetByRole(AriaRole.Button, new() { Name = "Join" }), "Enter");
        await ana.ExpectLiveAsync();
        await TypeAsync(a, ana.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox), "Sam is kind to everyone");
        await PressAsync(a, ana.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }), "Enter");
        await PressAsync(a, a.GetByRole(AriaRole.Button, new() { Name = "Slow down" }), " ");

        await Expect(fran.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Sam is kind to everyone");
        await Expect(f.Locator("#traffic-lights [data-held-up]")).ToContainTextAsync("Ana Jones: Slow down");
        await PressAsync(f, fran.Section(LikeAndAdmire).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }), "Enter");
        await Expect(ana.Section(LikeAndAdmire)).ToContainTextAsync("Now discussing");
        var actions = fran.Section("Actions");
        await TypeAsync(f, actions.GetByLabel("What will be done"), "Book swimming lessons");
        await TypeAsync(f, actions.GetByLabel("Who will do it"), "Ana Jones");
        await TypeAsync(f, actions.GetByLabel("By when"), "12222026");
        await PressAsync(f, actions.GetByRole(AriaRole.Button, new() { Name = "Add action" }), "Enter");
        await Expect(ana.Section("Actions").GetByRole(AriaRole.Listitem)).ToContainTextAsync("Book swimming lessons");
        await PressAsync(f, f.GetByRole(AriaRole.Link, new() { Name = "Minutes", Exact = true }), "Enter");
        await Expect(f.Locator("article.minutes")).ToContainTextAsync("Sam is kind to everyone");
    }

    // Reaches the control with Tab alone, as someone without a mouse would, then presses a key on it.
    private static async Task PressAsync(IPage page, ILocator control, string key)
    {
        await TabToAsync(page, control);
        await page.Keyboard.PressAsync(key);
    }

    private static async Task TypeAsync(IPage page, ILocator box, string text)
    {
        await TabToAsync(page, box);
        await page.Keyboard.TypeAsync(text);
    }

    private static async Task TabToAsync(IPage page, ILocator control)
    {
        await control.WaitForAsync();
        for (var presses = 0; presses < 300; presses++)
        {
            if (await control.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {control}.");
    }

    [Fact]
    public async Task OnAPhone_EveryTargetAParticipantUses_IsAtLeast44Px()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 320);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var link = await fran.InviteAsync("Ana Jones", "sister");

        await ana.Page.GotoAsync(link);
        var onTheInvitation = await ana.Page.EvaluateAsync<string[]>(SmallTargets);
        await ana.JoinAsync(link);
        await ana.AddCardAsync(LikeAndAdmire, "Sam is kind");
        var onTheBoard = await ana.Page.EvaluateAsync<string[]>(SmallTargets);

        Assert.True(onTheInvitation.Length == 0, "On the invitation: " + string.Join(", ", onTheInvitation));
        Assert.True(onTheBoard.Length == 0, "On the board: " + string.Join(", ", onTheBoard));
    }
}
