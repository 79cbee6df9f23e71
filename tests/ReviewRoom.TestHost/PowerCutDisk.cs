using ReviewRoom.Storage;

namespace ReviewRoom.TestHost;

/// <summary>
/// The database file and its log on a disk that can lose power at any moment. Each file keeps what
/// was written (what the operating system holds) apart from what was forced to disk by Flush(); a
/// power cut keeps only the latter. Shortening a file counts as on disk at once, the worst case: so
/// emptying the log before the data file is forced loses what the log held. Writes go through to a
/// real file in <paramref name="folder"/> opened write-through, so each takes real disk time, as on
/// a slow disk: a write that is still under way when an answer goes out shows. It can also be told
/// to fail writes, as a full disk does.
/// </summary>
public sealed class PowerCutDisk(string folder) : DatabaseFiles
{
    private readonly Lock _gate = new();

    public ModelFileStream Data { get; private set; } = null!;

    public ModelFileStream Log { get; private set; } = null!;

    /// <summary>
    /// Each write to the log lands only when the next one is made, as when LiteDB 5.0.20 handed the
    /// log's pages to a background writer inside Commit(): a flush right after a commit misses its pages.
    /// </summary>
    public bool LogWritesLandLate { get; set; }

    /// <summary>How many writes from now on fail, as on a full disk; int.MaxValue for every one.</summary>
    public int WritesToFail { get; set; }

    public override (Stream Data, Stream Log) Open(string path)
    {
        Data = new ModelFileStream(this, System.IO.Path.Combine(folder, "data.model"), isLog: false);
        Log = new ModelFileStream(this, System.IO.Path.Combine(folder, "log.model"), isLog: true);
        return (Data, Log);
    }

    public override bool CanWrite(string path)
    {
        lock (_gate)
        {
            return WritesToFail == 0;
        }
    }

    /// <summary>What would be left on the disk if the power went now: the data file and the log, forced bytes only.</summary>
    public (byte[] Data, byte[] Log) PowerCut()
    {
        lock (_gate)
        {
            return (Data.Durable.ToArray(), Log.Durable.ToArray());
        }
    }

    public sealed class ModelFileStream(PowerCutDisk disk, string path, bool isLog) : Stream
    {
        private readonly List<(long Position, byte[] Bytes)> _late = [];
        private readonly FileStream _written = new(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.WriteThrough);

        public MemoryStream Durable { get; } = new();

        public int ForcedFlushes { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => _written.Length;

        public override long Position
        {
            get => _written.Position;
            set => _written.Position = value;
        }

        public override void Flush()
        {
            lock (disk._gate)
            {
                var position = _written.Position;
                _written.Position = 0;
                Durable.SetLength(0);
                _written.CopyTo(Durable);
                _written.Position = position;
                ForcedFlushes++;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            lock (disk._gate)
            {
                Land();
                return _written.Read(buffer, offset, count);
            }
        }

        public override long Seek(long offset, SeekOrigin origin) => _written.Seek(offset, origin);

        public override void SetLength(long value)
        {
            lock (disk._gate)
            {
                Land();
                _written.SetLength(value);
                if (value < Durable.Length)
                {
                    Durable.SetLength(value);
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _written.Dispose();
            }

            base.Dispose(disposing);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (disk._gate)
            {
                if (disk.WritesToFail > 0)
                {
                    disk.WritesToFail--;
                    throw new IOException("No space left on device");
                }

                if (isLog && disk.LogWritesLandLate)
                {
                    Land();
                    _late.Add((_written.Position, buffer[offset..(offset + count)]));
                    _written.Position += count;
                    return;
                }

                _written.Write(buffer, offset, count);
            }
        }

        private void Land()
        {
            var position = _written.Position;
            foreach (var (at, bytes) in _late)
            {
                _written.Position = at;
                _written.Write(bytes);
            }

            _late.Clear();
            _written.Position = position;
        }
    }
}
