using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>A council's facilitator signs in with the council's account, in a real browser, through a real provider.</summary>
public sealed class OrganisationSignInBrowserTests(Chromium chromium) : IAsyncLifetime
{
    private readonly DataFolder _data = new();
    private OrganisationProvider _provider = null!;
    private ReviewRoomFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await OrganisationProvider.StartAsync();
        _app = ReviewRoomFactory.UseRealSocket(_data, _provider.Settings);
        _provider.RedirectUri = new Uri(_app.RootUri, "signin-oidc").ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task AFacilitatorWithoutAPassword_SignsInWithTheCouncilsAccount()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, _app.RootUri, "administrator");
        await using var lee = await Participant.ArriveAsync(chromium.Browser, _app.RootUri, "council-facilitator");
        await fran.SetUpAsync(_app.Logs);
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Manage facilitators" }).ClickAsync();
        await fran.Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lee Brown");
        await fran.Page.GetByLabel("Email address").FillAsync("lee.brown@example.gov.uk");
        await Expect(fran.Page.GetByText("Leave empty if they will sign in with Example Council only.")).ToBeVisibleAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Add facilitator" }).ClickAsync();
        await Expect(fran.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Lee Brown");
        _provider.SignedIn = ("staff-0002", "lee.brown@example.gov.uk", "Lee Brown");

        await lee.Page.GotoAsync("/sign-in");
        var violations = await lee.AccessibilityViolationsAsync();
        await lee.ScreenshotAsync("sign-in-with-organisation");
        await lee.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Example Council" }).ClickAsync();

        await Expect(lee.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your reviews");
        await Expect(lee.Page.GetByText("Signed in as Lee Brown")).ToBeVisibleAsync();
        Assert.Empty(violations);
    }
}
