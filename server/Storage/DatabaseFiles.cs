namespace ReviewRoom.Storage;

/// <summary>
/// Opens the database file and its log. For the store, Flush() on either stream means "forced to
/// disk": LiteDB's checkpoint calls plain Flush() on the data file before it empties the log.
/// </summary>
public class DatabaseFiles
{
    public virtual (Stream Data, Stream Log) Open(string path)
    {
        try
        {
            var data = new DurableFileStream(path);
            return (data, new DurableFileStream(LogPathOf(path)));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The database file {path} is already in use, probably by another ReviewRoom server. Stop that server, or give this one its own data folder (ReviewRoom:DataPath).", e);
        }
    }

    public static string LogPathOf(string path) => Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path);

    /// <summary>A file only this process opens, whose Flush() waits until the bytes are on the disk itself (fsync).</summary>
    private sealed class DurableFileStream(string path) : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
    {
        public override void Flush() => Flush(flushToDisk: true);
    }
}
