using System.Net;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>What a browser keeps and what another site can reach: nothing about a person is cached, and no other site opens the room.</summary>
public sealed class TrustTests : FreshApp
{

    [Fact]
    public async Task PagesAndDownloads_AreNeverCached_ButStaticFilesMayBe()
    {
        var reviewId = await Fran.CreateReviewAsync();

        foreach (var path in new[] { $"/reviews/{reviewId}", $"/minutes/{reviewId}/download", $"/minutes/{reviewId}/easy-read/download" })
        {
            using var response = await Fran.Http.GetAsync(path);
            Assert.Equal((HttpStatusCode.OK, true), (response.StatusCode, response.Headers.CacheControl?.NoStore));
        }

        using var styles = await Fran.Http.GetAsync("/css/app.css");
        Assert.False(styles.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheRoom_RefusesAConnectionFromAPageOfAnotherSite()
    {
        var reviewId = await Fran.CreateReviewAsync();

        var fromElsewhere = await NegotiateAsync(reviewId, "https://evil.example");
        var fromItself = await NegotiateAsync(reviewId, $"{App.RootUri.Scheme}://{App.RootUri.Authority}");

        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere);
        Assert.Equal(HttpStatusCode.OK, fromItself);
    }

    private async Task<HttpStatusCode> NegotiateAsync(string reviewId, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hubs/review/negotiate?negotiateVersion=1&review={reviewId}");
        request.Headers.Add("Origin", origin);
        using var response = await Fran.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task WithAPublicAddress_EveryLinkAndTheBigScreenUseIt()
    {
        using var data = new DataFolder();
        await using var app = new ReviewRoomFactory(data, settings: new Dictionary<string, string?> { ["ReviewRoom:PublicAddress"] = "https://reviews.example.org/" });
        await using var fran = await app.NewFacilitatorAsync();
        var reviewId = await fran.CreateReviewAsync();

        var link = await fran.InviteAsync(reviewId, "Ana Jones", "sister");
        var screen = await fran.Http.GetStringAsync($"/screen/{reviewId}");

        Assert.StartsWith("https://reviews.example.org/join/", link, StringComparison.Ordinal);
        Assert.Contains("reviews.example.org/join", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BehindATrustedProxy_ARequestThatCameByHttps_IsAnsweredAsHttps()
    {
        using var data = new DataFolder();
        await using var app = ReviewRoomFactory.UseRealSocket(data);
        using var http = new HttpClient { BaseAddress = app.RootUri };

        // The proxy on the server's own machine says the visitor came by HTTPS; HSTS is sent only to those who did.
        using var viaProxy = await http.SendAsync(Visit(forwardedProto: "https"));
        using var direct = await http.SendAsync(Visit(forwardedProto: null));

        Assert.True(viaProxy.Headers.Contains("Strict-Transport-Security"));
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindAnHttpsProxy_EveryCookieIsForThisHostOnly_SecureAndUnreadableByScripts_AndPeopleStillGetIn()
    {
        using var data = new DataFolder();
        await using var app = ReviewRoomFactory.UseRealSocket(data, new Dictionary<string, string?> { ["ReviewRoom:AllowPlainHttp"] = "false" });
        var proxy = new BehindHttpsProxy(app);
        await using var fran = new Visitor(proxy);
        await using var sam = new Visitor(proxy);
        await using var plain = new Visitor(app);

        await fran.SetUpAsync("Fran Facilitator", "fran@example.org");
        var reviewId = await fran.CreateReviewAsync();
        var link = await fran.InvitationLinkShownAsync(reviewId);
        await sam.ChooseLanguageAsync("cy", new Uri(link).AbsolutePath);
        await sam.JoinAsync(link);
        var samsBoard = await sam.Http.GetAsync($"/reviews/{reviewId}");
        // Straight to the server, not through the proxy, the same steps leave nothing a browser would send back.
        await plain.SignInAsync("fran@example.org");

        var names = proxy.SetCookies.Select(c => c.Split('=')[0]).ToHashSet();
        Assert.Equal(new HashSet<string> { "__Host-rr-" + reviewId, "__Host-rr-antiforgery", "__Host-rr-facilitator", "__Host-rr-language", "__Host-rr-shown-once" }, names);
        Assert.All(proxy.SetCookies, cookie =>
        {
            var flags = cookie.Split(';')[1..].Select(f => f.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", flags);
            Assert.Contains("httponly", flags);
            Assert.Contains("path=/", flags);
            Assert.DoesNotContain(flags, f => f.StartsWith("domain=", StringComparison.Ordinal));
        });
        Assert.StartsWith("https://", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, samsBoard.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await plain.Http.GetAsync("/reviews/new")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheConfiguredHosts_AreAnswered()
    {
        using var data = new DataFolder();
        await using var app = new ReviewRoomFactory(data, settings: new Dictionary<string, string?> { ["AllowedHosts"] = "reviews.example.org" });
        using var http = app.CreateClient();

        using var ours = await http.SendAsync(Visit(forwardedProto: null));
        using var other = new HttpRequestMessage(HttpMethod.Get, "/join");
        other.Headers.Host = "reviews.attacker.example";

        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(other)).StatusCode);
    }

    private static HttpRequestMessage Visit(string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/join");
        request.Headers.Host = "reviews.example.org";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return request;
    }
}
