namespace ReviewRoom.Infrastructure;

/// <summary>
/// A strict Content Security Policy (no inline script or style anywhere), no referrer, so an
/// invitation link never leaks to another site, and no caching of anything about a person: every
/// page and download is no-store; only the static files, which say how they may be cached, are kept.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, Microsoft.Extensions.Options.IOptions<ReviewRoomOptions> options)
{
    // Forms post only here, and to the organisation's provider, where "Sign in with …" goes on to.
    private readonly string _policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{ProviderOrigin(options.Value.OrganisationSignIn)}; frame-ancestors 'none'";

    private static string ProviderOrigin(OrganisationSignInOptions organisation) =>
        organisation.IsOn && Uri.TryCreate(organisation.Authority, UriKind.Absolute, out var authority) ? $" {authority.GetLeftPart(UriPartial.Authority)}" : "";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        context.Response.OnStarting(() =>
        {
            if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
