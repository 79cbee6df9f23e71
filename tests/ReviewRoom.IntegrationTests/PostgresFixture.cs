using ReviewRoom.Infrastructure;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>One PostgreSQL server for a class of tests; each test takes a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The settings for a server on this engine: none for LiteDB's file, a fresh database for PostgreSQL.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> SettingsFor(StoreEngine engine) =>
        engine == StoreEngine.PostgreSql ? await Server.StoreSettingsAsync() : new Dictionary<string, string?>();
}
