using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

public sealed class FacilitatorsBrowserTests(Chromium chromium) : LiveApp
{
    [Fact]
    public async Task Facilitator_AddedByTheAdministrator_SignsIn_CreatesAReview_AndSharesItWithACoFacilitator()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "administrator");
        await using var lee = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await fran.SetUpAsync(App.Logs);
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Manage facilitators" }).ClickAsync();
        await fran.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lee Brown");
        await fran.Page.GetByLabel("Email address").FillAsync("lee@example.org");
        await fran.Page.GetByLabel("Their first password").FillAsync(Visitor.Password);
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Add facilitator" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Lee Brown");

        await lee.Page.GotoAsync("/sign-in");
        var signInViolations = await lee.AccessibilityViolationsAsync();
        await lee.Page.GetByLabel("Email address").FillAsync("lee@example.org");
        await lee.Page.GetByLabel("Password").FillAsync(Visitor.Password);
        await lee.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(lee.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your reviews");
        await lee.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");

        await lee.Page.GetByText("Add a co-facilitator").ClickAsync();
        await lee.Page.GetByLabel("Their email address").FillAsync("fran@example.org");
        await lee.Page.GetByRole(AriaRole.Button, new() { Name = "Add co-facilitator" }).ClickAsync();
        await lee.ExpectLiveAsync();

        await fran.Page.GotoAsync("/");
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Sam Jones: Annual review" }).ClickAsync();
        await fran.ExpectLiveAsync();
        await Expect(lee.Page.Locator("#here-now")).ToContainTextAsync("Fran Facilitator, Co-facilitator");

        await lee.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(lee.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        var board = await lee.Page.GotoAsync(fran.Page.Url);
        Assert.Equal(403, board!.Status);
        Assert.True(signInViolations.Count == 0, string.Join("; ", signInViolations));
    }
}
