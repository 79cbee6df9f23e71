using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class BigScreenBrowserTests(Chromium chromium) : LiveApp
{
    private const string Grid = "What is working and not working";

    [Fact]
    public async Task BigScreen_FollowsNowDiscussing_ShowsTheGridAsAGrid_AndChangesNothing()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "sister");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        var screen = await fran.OpenBigScreenAsync();

        await fran.Section(Grid).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();
        await ana.AddCardAsync(Grid, "Loves the day centre");

        var shown = screen.GetByRole(AriaRole.Region, new() { Name = Grid });
        await Expect(shown).ToContainTextAsync("Now discussing");
        await Expect(shown.GetByRole(AriaRole.Table)).ToContainTextAsync("Loves the day centre");
        await Expect(shown.GetByRole(AriaRole.Columnheader, new() { Name = "Family" })).ToBeVisibleAsync();
        await Expect(screen.Locator("#screen-here")).ToContainTextAsync("Here now: 2");
        var bodyText = await screen.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.InRange(bodyText, 1080 * 0.045, 1080 * 0.055);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-1920x1080.png") });
        Assert.Empty(await Violations(screen));

        // The screen's connection is read-only, whatever a script on it tries.
        var refusal = await screen.EvaluateAsync<string>("""
            async () => {
                const c = new signalR.HubConnectionBuilder().withUrl(location.origin + '/hubs/review?review=' + document.getElementById('screen').dataset.reviewId + '&screen=1').build();
                await c.start();
                try { await c.invoke('AddCard', 'op-screen', { sectionId: 'like-and-admire', text: 'from the screen' }); return 'accepted'; }
                catch (e) { return e.message; }
            }
            """);
        Assert.Contains("The big screen only shows the review", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BigScreen_TextCanBeMadeLargerOrSmaller_AndHighContrast_ForTheRoom_AndStaysSo()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var screen = await fran.OpenBigScreenAsync();
        var text = () => screen.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.screen')).fontSize)");
        var usual = await text();

        await screen.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        await screen.GetByRole(AriaRole.Button, new() { Name = "Larger text" }).ClickAsync();
        var larger = await text();
        await screen.GetByRole(AriaRole.Button, new() { Name = "High contrast" }).ClickAsync();
        await screen.ReloadAsync();
        await Expect(screen.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "live");

        Assert.Equal(usual * 1.4, larger, 1);
        Assert.Equal(larger, await text(), 1);
        await Expect(screen.GetByRole(AriaRole.Button, new() { Name = "High contrast" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("rgb(11, 12, 12)", await screen.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await screen.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.screen__title')).color"));
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "screen-high-contrast.png") });
        await screen.GetByRole(AriaRole.Button, new() { Name = "Smaller text" }).ClickAsync();
        Assert.Equal(usual * 1.2, await text(), 1);
    }

    [Fact]
    public async Task BigScreen_ForAPath_DrawsThePath_ScalingWithTheTextSize_AndWithThirtyCardsAndTheFirstSteps_StaysOnOneScreen()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "PATH", "2026-12-01", "PATH");
        string[] steps = ["The North Star", "The goal", "Now", "Who to enrol", "Getting stronger", "The next few months"];
        var screen = await fran.OpenBigScreenAsync();
        var larger = screen.GetByRole(AriaRole.Button, new() { Name = "Larger text" });
        var smaller = screen.GetByRole(AriaRole.Button, new() { Name = "Smaller text" });
        await fran.AddCardAsync("Now", "Card 1: a few words as people say them");
        await Expect(screen.Locator(".screen__card")).ToHaveCountAsync(1);

        // With room to spare, larger text is larger (the header grows with it, so the PATH may give a little).
        var usual = await TextSize(screen);
        await larger.ClickAsync();
        Assert.True(await TextSize(screen) > usual * 1.1, "Larger text is larger on the PATH too.");
        await smaller.ClickAsync();

        for (var card = 1; card < 30; card++)
        {
            await fran.AddCardAsync(steps[card % steps.Length], $"Card {card + 1}: a few words as people say them");
        }

        var firstSteps = fran.Section("First steps");
        await firstSteps.GetByLabel("What will be done").FillAsync("Phone the housing association");
        await firstSteps.GetByLabel("Who will do it").FillAsync("Ana Jones");
        await firstSteps.GetByLabel("By when").FillAsync("2026-12-08");
        await firstSteps.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();

        await Expect(screen.GetByRole(AriaRole.Region, new() { Name = "First steps" })).ToContainTextAsync("Phone the housing association — Ana Jones, by 8 December 2026");
        await Expect(screen.Locator(".screen__card")).ToHaveCountAsync(31);
        var north = await screen.GetByRole(AriaRole.Region, new() { Name = "The North Star" }).BoundingBoxAsync();
        var goal = await screen.GetByRole(AriaRole.Region, new() { Name = "The goal" }).BoundingBoxAsync();
        var now = await screen.GetByRole(AriaRole.Region, new() { Name = "Now" }).BoundingBoxAsync();
        Assert.True(north!.X > goal!.X && goal.X > now!.X && north.Y <= now.Y, "The North Star is drawn top right, the goal beside it, Now on the left.");
        await AssertAllOnOneScreen(screen);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-path-1920x1080.png") });
        Assert.Empty(await Violations(screen));

        await larger.ClickAsync();
        await larger.ClickAsync();
        await AssertAllOnOneScreen(screen);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-path-larger-text-1920x1080.png") });
    }

    [Fact]
    public async Task BigScreen_ForMAPS_DrawsItAsOnPaper_StoryAlongTheTop_DreamsAndNightmaresEitherSideOfThePerson_AndFitsOneScreen()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "MAPS", "2026-12-01", "MAPS");
        var screen = await fran.OpenBigScreenAsync();
        var larger = screen.GetByRole(AriaRole.Button, new() { Name = "Larger text" });
        string[] parts = ["Sam Jones's story", "Dreams", "Nightmares", "Who is Sam Jones?", "Gifts and strengths", "What Sam Jones needs"];
        await fran.AddCardAsync("Dreams", "A flat by the sea");
        await Expect(screen.Locator(".drawing .screen__card")).ToHaveCountAsync(1);
        Assert.Empty(await Violations(screen));
        var usual = await TextSize(screen);
        await larger.ClickAsync();
        await larger.ClickAsync();
        Assert.True(await TextSize(screen) > usual * 1.1, "Larger text makes the drawing's words larger, while they fit.");
        await screen.GetByRole(AriaRole.Button, new() { Name = "Smaller text" }).ClickAsync();
        await screen.GetByRole(AriaRole.Button, new() { Name = "Smaller text" }).ClickAsync();
        foreach (var part in parts)
        {
            for (var i = 1; i <= 4; i++)
            {
                await fran.AddCardAsync(part, $"{part}, card {i}: said in a few words");
            }
        }

        var plan = fran.Section("Action plan");
        await plan.GetByLabel("What will be done").FillAsync("Visit the college open day");
        await plan.GetByLabel("Who will do it").FillAsync("Ana Jones");
        await plan.GetByLabel("By when").FillAsync("2027-01-15");
        await plan.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();

        await Expect(screen.GetByRole(AriaRole.Region, new() { Name = "Action plan" })).ToContainTextAsync("Visit the college open day — Ana Jones, by 15 January 2027");
        await Expect(screen.Locator(".screen__card")).ToHaveCountAsync(26);
        var place = new Dictionary<string, LocatorBoundingBoxResult>();
        foreach (var part in parts)
        {
            place[part] = (await screen.GetByRole(AriaRole.Region, new() { Name = part }).BoundingBoxAsync())!;
        }

        var (story, dreams, nightmares, who, gifts, needs) = (place[parts[0]], place[parts[1]], place[parts[2]], place[parts[3]], place[parts[4]], place[parts[5]]);
        Assert.True(story.Y + story.Height <= dreams.Y && story.Width > 3 * dreams.Width - 100, "The story runs along the top.");
        Assert.True(dreams.X < who.X && who.X + who.Width < nightmares.X + 1 && Math.Abs(dreams.Y - nightmares.Y) < 1, "The dreams and the nightmares are either side of the person.");
        Assert.True(gifts.Y > dreams.Y && gifts.X < who.X && needs.X > who.X && who.Height > dreams.Height, "The gifts and needs are beneath, and the person in the middle spans both.");
        await AssertAllOnOneScreen(screen);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-maps-1920x1080.png") });
        Assert.Empty(await Violations(screen));

        await larger.ClickAsync();
        await larger.ClickAsync();
        await AssertAllOnOneScreen(screen);
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-maps-larger-text-1920x1080.png") });
        await screen.GetByRole(AriaRole.Button, new() { Name = "High contrast" }).ClickAsync();
        await screen.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-maps-high-contrast-1920x1080.png") });
        Assert.Empty(await Violations(screen));
    }

    private static async Task AssertAllOnOneScreen(IPage screen)
    {
        var lowest = await screen.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('.drawing, .screen__card')].map(e => e.getBoundingClientRect().bottom))");
        Assert.InRange(lowest, 1, 1080);
        Assert.Equal(1080, await screen.EvaluateAsync<int>("() => document.documentElement.scrollHeight"));
    }

    private static Task<double> TextSize(IPage screen) =>
        screen.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('.drawing .screen__card')).fontSize)");

    [Fact]
    public async Task BigScreen_StopsShowingTheJoinCode_OnceTheFacilitatorTurnsItOff()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var screen = await fran.OpenBigScreenAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Show a join code" }).ClickAsync();
        await Expect(screen.Locator("#screen-join")).ToBeVisibleAsync();

        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Turn the code off" }).ClickAsync();

        await Expect(screen.Locator("#screen-join")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task BigScreen_OnAnotherDevice_OpensFromItsLink_RecoversAfterADrop_AndGoesWhenRevoked()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var tv = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "tv", width: 1920);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Show a join code" }).ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Show the big screen on another device" }).ClickAsync();
        var link = await fran.Page.GetByLabel("Big screen link").InputValueAsync();

        await tv.Page.SetViewportSizeAsync(1920, 1080);
        await tv.Page.GotoAsync(link);
        await tv.Page.GetByRole(AriaRole.Button, new() { Name = "Show the big screen" }).ClickAsync();
        await Expect(tv.Page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "live");
        Assert.DoesNotContain(link.Split('/').Last(), tv.Page.Url, StringComparison.Ordinal);
        await fran.Section(Grid).GetByRole(AriaRole.Button, new() { Name = "Discuss this now" }).ClickAsync();
        await Expect(tv.Page.GetByRole(AriaRole.Region, new() { Name = Grid })).ToContainTextAsync("Now discussing");
        await Expect(tv.Page.GetByRole(AriaRole.Img, new() { Name = "QR code that opens the join page with the code filled in" })).ToBeVisibleAsync();

        await tv.Context.SetOfflineAsync(true);
        await Expect(tv.Page.Locator("#connection-status")).Not.ToHaveAttributeAsync("data-state", "live");
        await fran.AddCardAsync(Grid, "Enjoys the new bus route");
        await tv.Context.SetOfflineAsync(false);
        await Expect(tv.Page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "live");
        await Expect(tv.Page.GetByRole(AriaRole.Region, new() { Name = Grid })).ToContainTextAsync("Enjoys the new bus route");
        await tv.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "big-screen-other-device-1920x1080.png") });

        await fran.Page.GetByText("Who is invited").ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke Big screen on another device" }).ClickAsync();

        await Expect(tv.Page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "refused");
        await Expect(tv.Page.GetByText("Enjoys the new bus route")).ToHaveCountAsync(0);
        await Expect(tv.Page.GetByText("Sam Jones")).ToHaveCountAsync(0);
        var again = await tv.Page.GotoAsync(link);
        Assert.Equal(404, again!.Status);
    }

    private static Task<IReadOnlyList<string>> Violations(IPage page) => Participant.AccessibilityViolationsAsync(page, sevenToOne: true);
}
