using System.Net;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>What a browser keeps and what another site can reach: nothing about a person is cached, and no other site opens the room.</summary>
public sealed class TrustTests : IAsyncLifetime
{
    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        _fran = await _app.NewFacilitatorAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fran.DisposeAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task PagesAndDownloads_AreNeverCached_ButStaticFilesMayBe()
    {
        var reviewId = await _fran.CreateReviewAsync();

        foreach (var path in new[] { $"/reviews/{reviewId}", $"/minutes/{reviewId}/download", $"/minutes/{reviewId}/easy-read/download" })
        {
            using var response = await _fran.Http.GetAsync(path);
            Assert.Equal((HttpStatusCode.OK, true), (response.StatusCode, response.Headers.CacheControl?.NoStore));
        }

        using var styles = await _fran.Http.GetAsync("/css/app.css");
        Assert.False(styles.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheRoom_RefusesAConnectionFromAPageOfAnotherSite()
    {
        var reviewId = await _fran.CreateReviewAsync();

        var fromElsewhere = await NegotiateAsync(reviewId, "https://evil.example");
        var fromItself = await NegotiateAsync(reviewId, $"{_app.RootUri.Scheme}://{_app.RootUri.Authority}");

        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere);
        Assert.Equal(HttpStatusCode.OK, fromItself);
    }

    private async Task<HttpStatusCode> NegotiateAsync(string reviewId, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hubs/review/negotiate?negotiateVersion=1&review={reviewId}");
        request.Headers.Add("Origin", origin);
        using var response = await _fran.Http.SendAsync(request);
        return response.StatusCode;
    }
}
