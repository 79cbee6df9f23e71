using System.Globalization;
using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Storage;

/// <summary>
/// Backups of the whole LiteDB database made while the server runs, each a file named for when it
/// was made. PostgreSQL is backed up with its own tools (pg_dump, or the host's snapshots).
/// </summary>
public sealed class Backups(Reviews.IReviewStore store, IOptions<ReviewRoomOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>Whether this server makes them: only on the embedded LiteDB file.</summary>
    public bool AreMadeHere => store is LiteDbStore;

    private string Folder => Path.GetFullPath(options.Value.BackupFolder, environment.ContentRootPath);

    /// <summary>Makes a backup now, in the backup folder; returns its file name.</summary>
    public async Task<string> MakeAsync()
    {
        Directory.CreateDirectory(Folder);
        var stamp = clock.GetUtcNow().ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture);
        var name = Enumerable.Range(1, int.MaxValue)
            .Select(n => n == 1 ? $"reviewroom-{stamp}Z.db" : $"reviewroom-{stamp}Z-{n}.db")
            .First(n => !File.Exists(Path.Combine(Folder, n)));
        var path = Path.Combine(Folder, name);
        await ((LiteDbStore)store).BackUpAsync(path);
        return name;
    }

    /// <summary>The backups in the folder, newest first.</summary>
    public IReadOnlyList<FileInfo> List() =>
        Directory.Exists(Folder) ? [.. new DirectoryInfo(Folder).EnumerateFiles("reviewroom-*.db").OrderByDescending(f => f.Name, StringComparer.Ordinal)] : [];
}
