using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Access;

/// <summary>
/// What every cookie the site sets is called, and how it goes out. Outside Development each is
/// Secure and named "__Host-…", so a browser sends it only over HTTPS, to this host alone, for the
/// whole site, and no other site on a shared domain can plant one. The cookie policy applies the flags.
/// </summary>
public sealed class SiteCookies(IOptions<ReviewRoomOptions> options, IHostEnvironment environment)
{
    private const string HostOnly = "__Host-";

    public bool AlwaysSecure => !environment.IsDevelopment() && !options.Value.AllowPlainHttp;

    /// <summary>A cookie of ours, by its own name ("facilitator", or a review's id).</summary>
    public string Named(string name) => (AlwaysSecure ? HostOnly : "") + "rr-" + name;

    /// <summary>How long it lasts; HttpOnly, SameSite and Secure come from the cookie policy for every cookie alike.</summary>
    public static CookieOptions Lasting(TimeSpan maxAge) => new() { IsEssential = true, Path = "/", MaxAge = maxAge };

    public static void Configure(CookiePolicyOptions policy, SiteCookies cookies)
    {
        policy.Secure = cookies.AlwaysSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        policy.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
        policy.MinimumSameSitePolicy = SameSiteMode.Lax;
    }
}
