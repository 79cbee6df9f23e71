using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Storage;

/// <summary>
/// The only class that touches LiteDB. One database per process, opened once. Saves go through a
/// single writer thread that commits in small batches and forces the log to disk, so hub calls never
/// wait on the disk from the thread pool and an answered change survives a power cut.
/// </summary>
public sealed class LiteDbReviewStore : IReviewStore, IDisposable
{
    private const int MaxBatch = 64;

    private readonly FileStream _dataFile;
    private readonly FileStream _logFile;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<ReviewDocument> _reviews;
    private readonly ILiteCollection<InvitationDocument> _invitations;
    private readonly ILiteCollection<ActivityDocument> _activity;
    private readonly Channel<PendingSave> _queue = Channel.CreateUnbounded<PendingSave>(new() { SingleReader = true });
    private readonly Thread _writer;
    private readonly ILogger<LiteDbReviewStore> _logger;

    public LiteDbReviewStore(IOptions<ReviewRoomOptions> options, IHostEnvironment environment, ILogger<LiteDbReviewStore> logger)
    {
        _logger = logger;
        var path = Path.GetFullPath(options.Value.DatabaseFile, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        (_dataFile, _logFile) = OpenExclusively(path);
        _database = new LiteDatabase(_dataFile, new BsonMapper(), _logFile);
        _reviews = _database.GetCollection<ReviewDocument>("reviews");
        _invitations = _database.GetCollection<InvitationDocument>("invitations");
        _activity = _database.GetCollection<ActivityDocument>("activity");
        _activity.EnsureIndex(a => a.ReviewId);
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
        logger.LogInformation("Reviews are kept in {DatabaseFile}", path);
    }

    public Review? Find(string reviewId) => _reviews.FindById(reviewId)?.ToReview();

    public string? FindReviewIdByInvitation(string tokenHash) => _invitations.FindById(tokenHash)?.ReviewId;

    public Task SaveAsync(Review review, Activity activity)
    {
        // Copied now, on the caller's thread, while the caller still holds the review.
        var save = new PendingSave(ReviewDocument.From(review), activity);
        return _queue.Writer.TryWrite(save)
            ? save.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(LiteDbReviewStore)));
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Join();
        _database.Dispose();
        _logFile.Dispose();
        _dataFile.Dispose();
    }

    private static (FileStream Data, FileStream Log) OpenExclusively(string path)
    {
        try
        {
            var data = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var logPath = Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path);
            return (data, new FileStream(logPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"The database file {path} is already in use, probably by another ReviewRoom server. Stop that server, or give this one its own data folder (ReviewRoom:DataPath).", e);
        }
    }

    private void WriteLoop()
    {
        var batch = new List<PendingSave>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var save))
            {
                batch.Add(save);
            }

            try
            {
                Commit(batch);
                batch.ForEach(s => s.Done.SetResult());
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Saving {Count} changes failed", batch.Count);
                batch.ForEach(s => s.Done.SetException(e));
            }

            batch.Clear();
        }
    }

    private void Commit(List<PendingSave> batch)
    {
        _database.BeginTrans();
        try
        {
            foreach (var save in batch)
            {
                _reviews.Upsert(save.Review);
                foreach (var participant in save.Review.Participants.Where(p => p.InvitationTokenHash is not null))
                {
                    _invitations.Upsert(new InvitationDocument { Id = participant.InvitationTokenHash!, ReviewId = save.Review.Id });
                }

                _activity.Insert(new ActivityDocument
                {
                    ReviewId = save.Activity.ReviewId,
                    ParticipantId = save.Activity.ParticipantId,
                    Action = save.Activity.Action,
                    At = save.Activity.At.UtcTicks,
                });
            }

            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }

        _logFile.Flush(flushToDisk: true);
        _dataFile.Flush(flushToDisk: true);
    }

    private sealed record PendingSave(ReviewDocument Review, Activity Activity)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
