using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ReviewRoom.Accounts;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Access;

/// <summary>
/// Facilitators signing in with their organisation's account, through ASP.NET Core's OpenID Connect
/// handler. The provider says who they are; ReviewRoom lets in only those an administrator added as
/// facilitators (bound to their provider account the first time), and signs them in with its own cookie.
/// </summary>
public static class OrganisationSignIn
{
    public const string Scheme = "organisation";
    public const string RefusedPath = "/sign-in?organisation=refused";

    private static readonly string[] Scopes = ["openid", "profile", "email"];

    public static void Add(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, OrganisationSignInOptions settings) =>
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // Back by a plain redirect, so the correlation cookies can stay SameSite=Lax.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.Scope.Clear();
            foreach (var scope in Scopes)
            {
                options.Scope.Add(scope);
            }

            // The provider's tokens are dated by the wall clock, and so are the handler's own cookies.
            options.TimeProvider = TimeProvider.System;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.Events.OnTokenValidated = LetInAsync;
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrganisationSignIn))
                    .LogWarning("Signing in with the organisation's account failed: {Reason}", context.Failure?.Message);
                context.HandleResponse();
                context.Response.Redirect(RefusedPath);
                return Task.CompletedTask;
            };
        });

    /// <summary>Names the handler's short-lived cookies as the site's own: "__Host-" and for the whole site outside Development.</summary>
    public static void Configure(OpenIdConnectOptions options, SiteCookies cookies)
    {
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            // Secure comes from the site's cookie policy, as for every cookie.
            (cookie.Path, cookie.SecurePolicy) = ("/", CookieSecurePolicy.SameAsRequest);
        }

        options.CorrelationCookie.Name = cookies.Named("correlation.");
        options.NonceCookie.Name = cookies.Named("nonce.");
    }

    // The provider vouched for them: in as the facilitator whose account this is, or back to sign-in, refused.
    private static async Task LetInAsync(TokenValidatedContext context)
    {
        var said = context.Principal!;
        var issuer = said.FindFirstValue("iss") ?? context.Options.Authority ?? "";
        var email = said.FindFirstValue("email") ?? said.FindFirstValue("preferred_username");
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (said.FindFirstValue("sub") is not { } subject
            || await accounts.SignInWithOrganisationAsync(issuer, subject, email, emailUnverified: said.FindFirstValue("email_verified") == "false") is not { } account)
        {
            context.HandleResponse();
            context.Response.Redirect(RefusedPath);
            return;
        }

        context.Principal = FacilitatorSignIn.Principal(account);
    }
}
