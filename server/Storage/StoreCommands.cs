using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Storage;

/// <summary>
/// What the server does instead of starting, when asked on its command line, with no other server on
/// the data: <c>--backup PATH</c> copies the LiteDB database to PATH (while it runs, Backups in
/// administration does); <c>--copy-to-postgresql CONNECTION</c> copies everything into an empty PostgreSQL database.
/// </summary>
public static class StoreCommands
{
    /// <summary>The exit code of the command asked for; null when none was, and the server is to start.</summary>
    public static async Task<int?> RunAsync(string[] args, IServiceProvider services)
    {
        foreach (var (name, run) in new (string, Func<IServiceProvider, string, Task<string>>)[] { ("--backup", BackUpAsync), ("--copy-to-postgresql", CopyAsync) })
        {
            if (Array.IndexOf(args, name) is not (var at and >= 0))
            {
                continue;
            }

            if (at + 1 >= args.Length)
            {
                await Console.Error.WriteLineAsync($"{name} needs a value after it: see the README.");
                return 2;
            }

            try
            {
                await Console.Out.WriteLineAsync(await run(services, args[at + 1]));
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Npgsql.NpgsqlException)
            {
                await Console.Error.WriteLineAsync($"Nothing was done: {e.Message}");
                return 1;
            }
        }

        return null;
    }

    private static async Task<string> BackUpAsync(IServiceProvider services, string to)
    {
        var path = Path.GetFullPath(to);
        var store = services.GetService<LiteDbStore>() ?? throw new InvalidOperationException("This server keeps its reviews in PostgreSQL: back them up with pg_dump.");
        await store.BackUpAsync(path);
        return $"Backup written to {path}";
    }

    private static async Task<string> CopyAsync(IServiceProvider services, string connection)
    {
        var from = services.GetService<LiteDbStore>() ?? throw new InvalidOperationException("This server already keeps its reviews in PostgreSQL.");
        using var to = new PostgreSqlStore(Options.Create(new ReviewRoomOptions { PostgreSql = connection }), services.GetRequiredService<ILogger<PostgreSqlStore>>());
        var keys = services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlRepository
            ?? throw new InvalidOperationException("This server has no keys of its own to copy.");
        var (reviews, accounts, trail) = await MoveToPostgreSql.CopyAsync(from, keys, to);
        return $"Copied {reviews} reviews, {accounts} accounts and {trail} lines of the audit trail. Set ReviewRoom__Store=PostgreSql and ReviewRoom__PostgreSql to that database, and start the servers.";
    }
}
