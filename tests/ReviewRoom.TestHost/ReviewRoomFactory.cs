using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewRoom.Storage;

namespace ReviewRoom.TestHost;

/// <summary>
/// The real app on its own LiteDB file in a fresh folder. Give two factories the same folder to
/// restart the server on the same data. With <see cref="UseRealSocket"/>, it listens on a real
/// Kestrel port for browsers. Tests set up rooms far faster than people act, so the rate limits
/// are raised unless <paramref name="shippedLimits"/>; the tests of the limits use them as shipped.
/// </summary>
public sealed class ReviewRoomFactory : WebApplicationFactory<Program>, IRunningApp
{
    private readonly DataFolder _data;
    private readonly bool _realSocket;
    private readonly bool _shippedLimits;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Facilitators _facilitators;
    private LiteDbStore? _store;

    /// <param name="settings">Configuration for this app only, such as "ReviewRoom:CheckpointPages".</param>
    public ReviewRoomFactory(DataFolder data, bool realSocket = false, bool shippedLimits = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _data = data;
        _realSocket = realSocket;
        _shippedLimits = shippedLimits;
        _settings = settings ?? new Dictionary<string, string?>();
        _facilitators = new Facilitators(this);
    }

    /// <summary>Services the app gets in place of its own, such as a database file that records what reaches the disk.</summary>
    public Action<IServiceCollection>? Replace { get; init; }

    public CapturedLogs Logs { get; } = new();

    public SettableClock Clock { get; } = new();

    public bool UsesRealSocket => _realSocket;

    /// <summary>
    /// A signed-in facilitator: the administrator, set up with the code from the log, the first time;
    /// after that a new account the administrator adds.
    /// </summary>
    public Task<Visitor> NewFacilitatorAsync() => _facilitators.NewAsync();

    public Uri RootUri => _realSocket
        ? new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
        : Server.BaseAddress;

    IEnumerable<string> IRunningApp.LogLines => Logs.Lines;

    DateOnly IRunningApp.Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    TestServer? IRunningApp.InMemoryServer => _realSocket ? null : Server;

    public static ReviewRoomFactory UseRealSocket(DataFolder data, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ReviewRoomFactory(data, realSocket: true, settings: settings);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _store = host.Services.GetService<LiteDbStore>();
        return host;
    }

    /// <summary>
    /// Stops the app and closes its database before returning: the app's own shutdown can finish on
    /// another thread a moment later, and a restarted server on the same folder must find the file free.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _store?.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // What the app reads while it registers its services (where its keys are kept, and how) must be
        // there before Program runs: host settings are; app configuration comes later.
        builder.UseSetting("ReviewRoom:DataPath", _data.Path);
        foreach (var (key, value) in _settings.Where(s => s.Key is "ReviewRoom:KeysCertificate" or "ReviewRoom:KeysCertificatePassword" || s.Key.StartsWith("ReviewRoom:OrganisationSignIn:", StringComparison.Ordinal) || s.Key is "ReviewRoom:Store" or "ReviewRoom:Redis"))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config =>
        {
            // Tests speak plain HTTP; the one that checks cookies behind an HTTPS proxy turns this off.
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["ReviewRoom:DataPath"] = _data.Path, ["ReviewRoom:AllowPlainHttp"] = "true" });
            if (!_shippedLimits)
            {
                config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ReviewRoom:Limits:ChangeBurst"] = "100000",
                    ["ReviewRoom:Limits:ChangesPerSecond"] = "100000",
                    ["ReviewRoom:Limits:DoorPostsPerMinute"] = "100000",
                });
            }

            config.AddInMemoryCollection(_settings);
        });
        // The log goes to the tests, not the console, where hundreds of apps would bury a failure.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            Replace?.Invoke(services);
        });
    }
}
