using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Realtime;
using ReviewRoom.Reviews;
using ReviewRoom.Storage;
using ReviewRoom.Templates;

namespace ReviewRoom.Infrastructure;

public static class ReviewRoomServices
{
    public static WebApplicationBuilder AddReviewRoom(this WebApplicationBuilder builder)
    {
        // What runs outside any one person's request or hub call speaks English, whatever the machine's own language.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = Languages.CultureOf(Language.English);
        var services = builder.Services;
        services.AddOptions<ReviewRoomOptions>()
            .Bind(builder.Configuration.GetSection(ReviewRoomOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TemplateCatalog>();
        // Read while registering: one engine or the other is the store, behind the same contracts.
        if (Options(builder).Store == StoreEngine.PostgreSql)
        {
            AddStore<PostgreSqlStore>(services);
        }
        else
        {
            services.AddSingleton<DatabaseFiles>();
            AddStore<LiteDbStore>(services);
        }

        services.AddSingleton<Backups>();

        services.AddSingleton<SetupCode>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<HubReviewNotifier>();
        services.AddSingleton<IReviewNotifier>(sp => sp.GetRequiredService<HubReviewNotifier>());
        services.AddSingleton<RoomDeltas>();
        services.AddSingleton<OpenReviews>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<SubjectAccess>();
        services.AddHostedService<IdleReviewsLeave>();
        services.AddSingleton<Retention>();
        services.AddHostedService(sp => sp.GetRequiredService<Retention>());
        services.AddSingleton<SharedLimits>();
        services.AddSingleton<ParticipantLimits>();
        services.AddSingleton<FormPostLimit>();
        services.AddSingleton<DueDates>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceAnnouncer>();
        services.AddSingleton<SiteCookies>();
        services.AddSingleton<LanguageChoice>();
        services.AddSingleton<MembershipCookies>();
        services.AddSingleton<JoinCodeBudget>();
        services.AddSingleton<MinutesWriter>();
        services.AddSingleton<MinutesRenderer>();
        services.AddSingleton<WordMinutes>();
        services.AddSingleton<MinutesLetters>();
        services.AddSingleton<Mail.Postbox>();
        services.AddSingleton<EasyReadWriter>();
        services.AddSingleton<ReviewErrorText>();

        // Keys live beside the data, so people stay in their reviews when the server restarts (in the
        // database on PostgreSQL, so every server signs and reads the same cookies); with a certificate
        // configured they are encrypted there, so a copy of the data cannot forge a cookie.
        var keys = services.AddDataProtection();
        if (Options(builder).Store == StoreEngine.PostgreSql)
        {
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<PostgreSqlStore>((o, store) => o.XmlRepository = store);
        }
        else
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(DataFolder(builder)));
        }

        if (KeysCertificate(builder) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddOptions<RequestLocalizationOptions>().Configure<LanguageChoice>((o, choice) =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.CultureOf(Language.English));
            // A browser may ask for "cy" or "en-US": each language's neutral culture is known too, and is what they fall back to.
            o.SupportedCultures = o.SupportedUICultures = [.. Languages.Cultures, .. Languages.Cultures.Select(c => c.Parent)];
            // The language someone chose, else their review's on its invitation page, else their browser's.
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = choice.CookieName },
                new ReviewLanguageProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddOptions<CookiePolicyOptions>().Configure<SiteCookies>(SiteCookies.Configure);
        services.AddOptions<AntiforgeryOptions>().Configure<SiteCookies>((o, cookies) => o.Cookie.Name = cookies.Named("antiforgery"));
        services.AddOptions<CookieTempDataProviderOptions>().Configure<SiteCookies>((o, cookies) => o.Cookie.Name = cookies.Named("shown-once"));
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        // Read while registering: the handler exists only when there is a provider to send people to.
        if (Options(builder).OrganisationSignIn is { IsOn: true } organisation)
        {
            OrganisationSignIn.Add(authentication, organisation);
            services.AddOptions<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(OrganisationSignIn.Scheme).Configure<SiteCookies>(OrganisationSignIn.Configure);
        }

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<SiteCookies>(FacilitatorSignIn.Configure);
        services.AddAuthorization(o => o.AddPolicy(FacilitatorSignIn.AdministratorRole, policy => policy.RequireRole(FacilitatorSignIn.AdministratorRole)));
        services.AddAccessLimits();
        // Behind a reverse proxy, the caller's address and whether they came by HTTPS come from its headers, and only its.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReviewRoomOptions>>((forwarded, options) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.Value.TrustedProxies)
            {
                if (System.Net.IPNetwork.TryParse(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
                else
                {
                    forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Facilitators").AuthorizePage("/Reviews/New").AuthorizeFolder("/Administration", FacilitatorSignIn.AdministratorRole);
                foreach (var page in AccessLimits.Pages)
                {
                    o.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(AccessLimits.Policy)));
                }
            })
            .AddMvcOptions(o => o.Filters.AddService<FormPostLimit>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        // SignalR logs whatever a hub method throws at Error with its stack trace, refusals (a HubException)
        // too, so one participant could fill the log: ReviewHubFilter logs each call's failure itself instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.None);
        services.AddSingleton<ReviewHubFilter>();
        var signalR = services.AddSignalR(o => o.AddFilter<ReviewHubFilter>())
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
                // A delta names only what changed.
                o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            });
        // With several servers, what one tells a group reaches the group's pages on every server, and
        // who is here, the cards held up and the rate limits are kept where every server sees them.
        if (Options(builder).Redis is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("reviewroom");
                // What is told while Redis is away waits for it (a few seconds at most) rather than being dropped.
                KeepTrying(o.Configuration);
            });
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(RedisConfiguration(redis)));
            services.AddSingleton<RedisOtherServers>();
            services.AddSingleton<IOtherServers>(sp => sp.GetRequiredService<RedisOtherServers>());
            services.AddHostedService(sp => sp.GetRequiredService<RedisOtherServers>());
            services.AddSingleton<ITrafficLights, RedisTrafficLights>();
        }
        else
        {
            services.AddSingleton<IOtherServers, NoOtherServers>();
            services.AddSingleton<ITrafficLights, TrafficLights>();
        }
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    private static void AddStore<TStore>(IServiceCollection services)
        where TStore : class, IReviewStore, IAccountStore, IJoinCodeTriesStore, IStoreHealth
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<IReviewStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAccountStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IJoinCodeTriesStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IStoreHealth>(sp => sp.GetRequiredService<TStore>());
    }

    /// <summary>
    /// Who is here, the cards held up and the change buckets: while Redis is away, asking fails at once
    /// and each server falls back on what it knows itself, so no change is held up.
    /// </summary>
    private static StackExchange.Redis.ConfigurationOptions RedisConfiguration(string redis)
    {
        var configuration = StackExchange.Redis.ConfigurationOptions.Parse(redis);
        KeepTrying(configuration);
        configuration.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast;
        return configuration;
    }

    /// <summary>A server starts while Redis is away, and tries it again every half second until it is back.</summary>
    private static void KeepTrying(StackExchange.Redis.ConfigurationOptions configuration)
    {
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(500);
    }

    private static string DataFolder(WebApplicationBuilder builder) =>
        Path.Combine(Path.GetFullPath(Options(builder).DataPath, builder.Environment.ContentRootPath), "keys");

    private static X509Certificate2? KeysCertificate(WebApplicationBuilder builder) =>
        Options(builder).KeysCertificate is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path, builder.Environment.ContentRootPath), Options(builder).KeysCertificatePassword)
            : null;

    private static ReviewRoomOptions Options(WebApplicationBuilder builder)
    {
        var options = new ReviewRoomOptions();
        builder.Configuration.GetSection(ReviewRoomOptions.Section).Bind(options);
        return options;
    }
}
