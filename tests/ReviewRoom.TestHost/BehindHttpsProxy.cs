using System.Collections.Concurrent;
using Microsoft.AspNetCore.TestHost;

namespace ReviewRoom.TestHost;

/// <summary>
/// An app on a real socket as people reach it through a proxy that ends TLS: visitors ask for https://,
/// and the proxy passes each request on over plain HTTP with X-Forwarded-Proto, as nginx would.
/// Every Set-Cookie the app answers with is kept, to read its flags.
/// </summary>
public sealed class BehindHttpsProxy(IRunningApp app) : IRunningApp
{
    public Uri RootUri => new UriBuilder(app.RootUri) { Scheme = Uri.UriSchemeHttps }.Uri;

    public IEnumerable<string> LogLines => app.LogLines;

    public DateOnly Today => app.Today;

    public TestServer? InMemoryServer => null;

    public ConcurrentQueue<string> SetCookies { get; } = new();

    public HttpMessageHandler NewHandler() => new EndsTls(this) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } };

    private sealed class EndsTls(BehindHttpsProxy proxy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttp }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                proxy.SetCookies.Enqueue(cookie);
            }

            return response;
        }
    }
}
