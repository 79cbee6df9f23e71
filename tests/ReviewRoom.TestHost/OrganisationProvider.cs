using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ReviewRoom.TestHost;

/// <summary>
/// A real OpenID Connect provider, as a council runs one: OpenIddict's server on a loopback port, with
/// ReviewRoom as its one client, and whoever the test says is signed in to it. It keeps nothing in
/// a database (OpenIddict's degraded mode), so it checks the client's id, secret and address itself.
/// </summary>
public sealed class OrganisationProvider : IAsyncDisposable
{
    public const string ClientId = "reviewroom";
    public const string ClientSecret = "the secret ReviewRoom and the provider share";
    public const string DisplayName = "Example Council";

    private readonly WebApplication _app;

    private OrganisationProvider(WebApplication app) => _app = app;

    /// <summary>Who is signed in at the provider, as it will tell ReviewRoom.</summary>
    public (string Subject, string Email, string Name) SignedIn { get; set; } = ("staff-0001", "fran@example.org", "Fran Facilitator");

    /// <summary>The one address the provider sends people back to: ReviewRoom's, once it is listening.</summary>
    public string? RedirectUri { get; set; }

    public Uri Authority => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>The settings that point ReviewRoom at this provider.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ReviewRoom:OrganisationSignIn:Authority"] = Authority.ToString(),
        ["ReviewRoom:OrganisationSignIn:ClientId"] = ClientId,
        ["ReviewRoom:OrganisationSignIn:ClientSecret"] = ClientSecret,
        ["ReviewRoom:OrganisationSignIn:DisplayName"] = DisplayName,
        ["ReviewRoom:OrganisationSignIn:RequireHttpsMetadata"] = "false",
    };

    public static async Task<OrganisationProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication();
        OrganisationProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != provider!.RedirectUri)
                {
                    context.Reject(Errors.InvalidClient, "Not this provider's client, or not its address.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Not this provider's client.");
                }

                return default;
            }));
            // Whoever the test says is signed in here is who the provider vouches for.
            options.AddEventHandler<HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var (subject, email, name) = provider!.SignedIn;
                var identity = new ClaimsIdentity("organisation", Claims.Name, Claims.Role)
                    .SetClaim(Claims.Subject, subject)
                    .SetClaim(Claims.Email, email)
                    .SetClaim(Claims.Name, name)
                    .SetScopes(context.Request.GetScopes());
                identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
                context.SignIn(new ClaimsPrincipal(identity));
                return default;
            }));
        });

        var app = builder.Build();
        app.UseAuthentication();
        provider = new OrganisationProvider(app);
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
