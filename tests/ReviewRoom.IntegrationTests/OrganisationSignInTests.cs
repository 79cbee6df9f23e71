using System.Net;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>Facilitators of a council sign in with the council's own accounts, through a real OpenID Connect provider.</summary>
public sealed class OrganisationSignInTests : IAsyncLifetime
{
    private readonly DataFolder _data = new();
    private OrganisationProvider _provider = null!;
    private ReviewRoomFactory _app = null!;
    private Visitor _administrator = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await OrganisationProvider.StartAsync();
        _app = ReviewRoomFactory.UseRealSocket(_data, _provider.Settings);
        _provider.RedirectUri = new Uri(_app.RootUri, "signin-oidc").ToString();
        _administrator = await _app.NewFacilitatorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _administrator.DisposeAsync();
        await _app.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task AFacilitatorTheAdministratorAdded_SignsInWithTheirCouncilAccount_AndNobodyElseFromItGetsIn()
    {
        var added = await _administrator.PostFormAsync("/facilitators", "/facilitators?handler=Add", new() { ["Name"] = "Lee Brown", ["Email"] = "lee.brown@example.gov.uk", ["Password"] = "" });
        _provider.SignedIn = ("staff-0002", "Lee.Brown@example.gov.uk", "Lee Brown");
        await using var lee = new Visitor(_app);
        var leeLanded = await lee.SignInWithOrganisationAsync();
        var leesHome = await lee.Http.GetStringAsync("/");
        var leesReview = await lee.CreateReviewAsync();
        await using var byPassword = new Visitor(_app);
        var noPassword = await byPassword.SignInAsync("lee.brown@example.gov.uk", "");

        _provider.SignedIn = ("staff-0099", "mo.khan@example.gov.uk", "Mo Khan");
        await using var mo = new Visitor(_app);
        var moLanded = await mo.SignInWithOrganisationAsync();
        var moSees = WebUtility.HtmlDecode(await mo.Http.GetStringAsync(moLanded));

        // Bound to Lee's council account the first time: a changed e-mail address there changes nothing.
        _provider.SignedIn = ("staff-0002", "lee.brown-jones@example.gov.uk", "Lee Brown-Jones");
        await using var leeAgain = new Visitor(_app);
        var leeAgainLanded = await leeAgain.SignInWithOrganisationAsync();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/", leeLanded.AbsolutePath);
        Assert.Contains("Signed in as Lee Brown", leesHome, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", leesReview);
        Assert.Equal(HttpStatusCode.OK, noPassword.StatusCode);
        Assert.Equal("/sign-in?organisation=refused", moLanded.PathAndQuery);
        Assert.Contains("Your Example Council account is not one that may run reviews here.", moSees, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await mo.Http.GetAsync("/reviews/new")).StatusCode);
        Assert.Equal("/", leeAgainLanded.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await leeAgain.Http.GetAsync($"/reviews/{leesReview}")).StatusCode);
    }

    [Fact]
    public async Task WithoutLocalPasswords_TheOnlyWayInIsTheOrganisationsAccount()
    {
        using var data = new DataFolder();
        await using var app = ReviewRoomFactory.UseRealSocket(data, new Dictionary<string, string?>(_provider.Settings) { ["ReviewRoom:OrganisationSignIn:LocalPasswords"] = "false" });
        _provider.RedirectUri = new Uri(app.RootUri, "signin-oidc").ToString();
        await using var fran = await app.NewFacilitatorAsync();
        await using var visitor = new Visitor(app);
        _provider.SignedIn = ("staff-0001", "fran@example.org", "Fran Facilitator");

        var signInPage = await visitor.Http.GetStringAsync("/sign-in");
        var byPassword = await visitor.SignInAsync("fran@example.org");
        var landed = await visitor.SignInWithOrganisationAsync();

        Assert.DoesNotContain("type=\"password\"", signInPage, StringComparison.Ordinal);
        Assert.Contains("Sign in with Example Council", signInPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byPassword.StatusCode);
        Assert.Equal("/", landed.AbsolutePath);
        Assert.Contains("Signed in as Fran Facilitator", await visitor.Http.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
