using System.Diagnostics;

namespace ReviewRoom.TestHost;

/// <summary>
/// A throwaway PostgreSQL server of the test's own, from Debian's packages (which `.ci/run` installs):
/// a fresh cluster in a temporary folder, on a free loopback port, stopped and deleted afterwards.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port) => (_folder, _bin, Port) = (folder, bin, port);

    public int Port { get; }

    /// <summary>A connection string for one database on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    /// <summary>A new, empty database on this server, for one test; returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Settings that put a ReviewRoom server's reviews in a new database of this server.</summary>
    public async Task<Dictionary<string, string?>> StoreSettingsAsync() => new()
    {
        ["ReviewRoom:Store"] = "PostgreSql",
        ["ReviewRoom:PostgreSql"] = await NewDatabaseAsync(),
    };

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: `apt-get install postgresql` (.ci/run does this).");
        }

        var folder = Directory.CreateTempSubdirectory("reviewroom-pg-").FullName;
        var server = new PostgresServer(folder, bin, LoopbackPort.Free());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", folder);
        }

        await server.AsPostgresAsync("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        await server.AsPostgresAsync("pg_ctl", "-D", server.Data, "-l", Path.Combine(folder, "log"), "-w",
            "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on", "start");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await AsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private string Data => Path.Combine(_folder, "data");

    // initdb refuses to run as root: the cluster belongs to the postgres user, as Debian's own do.
    private Task AsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
