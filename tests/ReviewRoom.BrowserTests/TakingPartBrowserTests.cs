using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>A meeting moved to another day, and views sent before it from an invitation link, seen on the board.</summary>
public sealed class TakingPartBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";
    private const string NotWorking = "This invitation link does not work";

    [Fact]
    public async Task ViewsSentBeforeARearrangedMeeting_ShowOnTheBoard_MarkedAsSentBefore()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative", width: 390);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var link = await fran.InviteAsync("Ana Jones", "sister");
        var details = fran.Page.GetByText("Date, time, place, next review and apologies");
        await details.ClickAsync();
        await fran.Page.GetByLabel("Date of the meeting").FillAsync("2027-01-12");
        await fran.Page.GetByLabel("Time it starts (optional)").FillAsync("14:00");
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(fran.Page.Locator(".govuk-caption-l")).ToHaveTextAsync("Sam Jones's review, 12 January 2027 at 14:00");

        await ana.Page.GotoAsync(link);
        await Expect(ana.Page.GetByText("The meeting is on 12 January 2027 at 14:00.")).ToBeVisibleAsync();
        await ana.JoinAsync(link);
        await ana.AddCardAsync(LikeAndAdmire, "Sorry I cannot come: Sam is the kindest brother");

        var card = fran.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "the kindest brother" });
        await Expect(card).ToContainTextAsync("Sent before the meeting");
        await Expect(ana.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToContainTextAsync("Sent before the meeting");
        await fran.ScreenshotAsync("sent-before");
    }

    [Fact]
    public async Task AnInviteeOnASharedComputer_LeavesOnThisDevice_AndTheBoardAndWhatTheyTypedAreGone()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        var board = ana.Page.Url;
        await ana.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox).FillAsync("Something half written");

        await ana.Page.GetByRole(AriaRole.Button, new() { Name = "Leave on this device" }).ClickAsync();

        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have left the review on this device");
        Assert.Empty(await ana.AccessibilityViolationsAsync());
        Assert.Equal(0, await ana.Page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('rr-')).length"));
        await ana.Page.GotoAsync(board);
        await Expect(ana.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this review");
    }

    [Fact]
    public async Task ThePerson_MakesTheirLinkAgain_AndAPageOpenedByTheOldOneLosesTheBoard()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var sam = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "person");
        await using var leaked = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "someone-else");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var oldLink = await fran.Page.GetByLabel("Invitation link").InputValueAsync();
        await sam.JoinAsync(oldLink);
        await leaked.JoinAsync(oldLink);

        await sam.Page.GetByText("Who is invited").ClickAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Make a new link for me" }).ClickAsync();

        var newLink = sam.Page.GetByLabel("New link for Sam Jones");
        await Expect(newLink).Not.ToBeEditableAsync();
        Assert.NotEqual(oldLink, await newLink.InputValueAsync());
        await sam.ExpectLiveAsync();
        Assert.Empty(await sam.AccessibilityViolationsAsync());
        await sam.ScreenshotAsync("new-link");
        await Expect(leaked.Page.GetByText("You are no longer part of this review")).ToBeVisibleAsync();
        await leaked.Page.GotoAsync(oldLink);
        await Expect(leaked.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(NotWorking);

        // The person can see that it happened, and who else came in.
        await sam.Page.GetByRole(AriaRole.Link, new() { Name = "Who saw and changed what" }).ClickAsync();
        await Expect(sam.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Who saw and changed what");
        await Expect(sam.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Made someone's link again" })).ToContainTextAsync("Sam Jones (whose review it is)");
        Assert.Empty(await sam.AccessibilityViolationsAsync());
        await sam.ScreenshotAsync("trail");
    }
}
