using System.Net;
using ReviewRoom.Accounts;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

public sealed class AccountsTests : IAsyncLifetime
{
    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task NewReview_WithoutSigningIn_SendsYouToSignIn()
    {
        await using var visitor = new Visitor(_app);

        var response = await visitor.Http.GetAsync("/reviews/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupPage_OnceSetUp_IsGone()
    {
        await using var administrator = await _app.NewFacilitatorAsync();
        await using var latecomer = new Visitor(_app);

        Assert.Equal(HttpStatusCode.NotFound, (await latecomer.Http.GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task YourReviews_ShowsYoursAndNobodyElses_AndOpensThemFromAnotherDevice()
    {
        await using var fran = await _app.NewFacilitatorAsync();
        await using var sunita = await _app.NewFacilitatorAsync();
        var samsReview = await fran.CreateReviewAsync("Sam Jones");
        await sunita.CreateReviewAsync("Alex Smith");
        await using var fransLaptop = new Visitor(_app);
        await fransLaptop.SignInAsync("fran@example.org");

        var frans = await fransLaptop.Http.GetStringAsync("/");
        var sunitas = await sunita.Http.GetStringAsync("/");
        var board = await fransLaptop.Http.GetAsync($"/reviews/{samsReview}");

        Assert.Contains("Sam Jones: Annual review", frans, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Smith", frans, StringComparison.Ordinal);
        Assert.Contains("Alex Smith: Annual review", sunitas, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Jones", sunitas, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sunita.Http.GetAsync($"/reviews/{samsReview}")).StatusCode);
    }

    [Fact]
    public async Task Facilitators_AreManagedByTheAdministratorOnly_AndARemovedOneIsSignedOut()
    {
        await using var administrator = await _app.NewFacilitatorAsync();
        await using var sunita = await _app.NewFacilitatorAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await sunita.Http.GetAsync("/facilitators")).StatusCode);
        var list = await administrator.Http.GetStringAsync("/facilitators");
        var sunitasId = System.Text.RegularExpressions.Regex.Match(list, "name=\"accountId\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        var removed = await administrator.PostFormAsync("/facilitators", "/facilitators?handler=Remove", new() { ["accountId"] = sunitasId });

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var afterwards = await sunita.Http.GetAsync("/reviews/new");
        Assert.StartsWith("/sign-in", afterwards.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_SaysSoPlainly()
    {
        await using var administrator = await _app.NewFacilitatorAsync();
        await using var visitor = new Visitor(_app);

        var response = await visitor.SignInAsync("fran@example.org", "not the password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or password is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ToAPausedAccount_SaysTheSameAsToNoAccount_SoAddressesCannotBeFoundOut()
    {
        await using var administrator = await _app.NewFacilitatorAsync();
        await using var visitor = new Visitor(_app);
        for (var i = 0; i < AccountService.FailuresBeforeLockout; i++)
        {
            await visitor.SignInAsync("fran@example.org", "not the password");
        }

        var paused = await (await visitor.SignInAsync("fran@example.org", Visitor.Password)).Content.ReadAsStringAsync();
        var nobody = await (await visitor.SignInAsync("nobody@example.org", "any password at all")).Content.ReadAsStringAsync();

        Assert.Equal(ErrorOf(nobody), ErrorOf(paused));
        Assert.Equal("The email address or password is not right. After 5 wrong tries, sign-in for an account is paused for 15 minutes.", ErrorOf(paused));
    }

    private static string ErrorOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "<p class=\"govuk-error-message\" id=\"email-error\"><span class=\"govuk-visually-hidden\">[^<]*</span> ([^<]*)</p>").Groups[1].Value;
}
