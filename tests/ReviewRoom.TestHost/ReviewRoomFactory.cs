using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
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
public sealed class ReviewRoomFactory(DataFolder data, bool realSocket = false, bool shippedLimits = false, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    public SettableClock Clock { get; } = new();

    public bool UsesRealSocket => realSocket;

    private Visitor? _administrator;
    private LiteDbStore? _store;
    private int _facilitators;

    /// <summary>
    /// A signed-in facilitator: the administrator, set up with the code from the log, the first time;
    /// after that a new account the administrator adds.
    /// </summary>
    public async Task<Visitor> NewFacilitatorAsync()
    {
        if (_administrator is null)
        {
            _administrator = new Visitor(this);
            await _administrator.SetUpAsync("Fran Facilitator", "fran@example.org");
            return _administrator;
        }

        var number = Interlocked.Increment(ref _facilitators);
        var email = $"facilitator{number}@example.org";
        await _administrator.AddFacilitatorAsync($"Facilitator {number}", email);
        var facilitator = new Visitor(this);
        await facilitator.SignInAsync(email);
        return facilitator;
    }

    public Uri RootUri => realSocket
        ? new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
        : Server.BaseAddress;

    public static ReviewRoomFactory UseRealSocket(DataFolder data)
    {
        var factory = new ReviewRoomFactory(data, realSocket: true);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _store = host.Services.GetRequiredService<LiteDbStore>();
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
        builder.ConfigureAppConfiguration(config =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["ReviewRoom:DataPath"] = data.Path });
            if (!shippedLimits)
            {
                config.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ReviewRoom:Limits:ChangeBurst"] = "100000",
                    ["ReviewRoom:Limits:ChangesPerSecond"] = "100000",
                });
            }

            config.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
