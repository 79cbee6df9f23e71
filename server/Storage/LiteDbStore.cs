using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Options;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Storage;

/// <summary>
/// The only class that touches LiteDB. One database per process, opened once. Writes go through a
/// single writer thread that commits in small batches and forces the log to disk, so hub calls never
/// wait on the disk from the thread pool and an answered change survives a power cut.
/// </summary>
public sealed class LiteDbStore : IReviewStore, IAccountStore, IDisposable
{
    private const int MaxBatch = 64;

    private readonly FileStream _dataFile;
    private readonly FileStream _logFile;
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<ReviewDocument> _reviews;
    private readonly ILiteCollection<InvitationDocument> _invitations;
    private readonly ILiteCollection<ActivityDocument> _activity;
    private readonly ILiteCollection<AccountDocument> _accounts;
    private readonly ILiteCollection<JoinCodeDocument> _joinCodes;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Thread _writer;
    private readonly ILogger<LiteDbStore> _logger;
    private readonly Lock _disposing = new();
    private bool _checkpointAfterBatch;

    public LiteDbStore(IOptions<ReviewRoomOptions> options, IHostEnvironment environment, ILogger<LiteDbStore> logger)
    {
        _logger = logger;
        var path = Path.GetFullPath(options.Value.DatabaseFile, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        (_dataFile, _logFile) = OpenExclusively(path);
        _database = new LiteDatabase(_dataFile, new BsonMapper(), _logFile);
        _reviews = _database.GetCollection<ReviewDocument>("reviews");
        _invitations = _database.GetCollection<InvitationDocument>("invitations");
        _activity = _database.GetCollection<ActivityDocument>("activity");
        _accounts = _database.GetCollection<AccountDocument>("accounts");
        _joinCodes = _database.GetCollection<JoinCodeDocument>("joincodes");
        _activity.EnsureIndex(a => a.ReviewId);
        _reviews.EnsureIndex("facilitators", "$.Participants[*].AccountId");
        _reviews.EnsureIndex(r => r.PersonId);
        _accounts.EnsureIndex(a => a.Email, unique: true);
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
        logger.LogInformation("Reviews are kept in {DatabaseFile}", path);
    }

    public Review? Find(string reviewId) => _reviews.FindById(reviewId)?.ToReview();

    public string? FindReviewIdByInvitation(string tokenHash) => _invitations.FindById(tokenHash)?.ReviewId;

    public string? FindReviewIdByJoinCode(string code) => _joinCodes.FindById(code)?.ReviewId;

    public IReadOnlyList<Review> FindRunBy(string accountId) =>
        [.. _reviews.Find(BsonExpression.Create("$.Participants[*].AccountId ANY = @0", new BsonValue(accountId))).Select(r => r.ToReview())];

    public IReadOnlyList<Review> FindReviewsOf(string personId) =>
        [.. _reviews.Find(r => r.PersonId == personId || r.Id == personId).Select(r => r.ToReview())];

    /// <summary>
    /// Deletes reviews with everything that points at them, keeps only that they were deleted, and
    /// checkpoints, so no copy of the content is left in the log.
    /// </summary>
    public Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion) =>
        Enqueue(() =>
        {
            foreach (var id in reviewIds)
            {
                _reviews.Delete(id);
                _invitations.DeleteMany(i => i.ReviewId == id);
                _joinCodes.DeleteMany(j => j.ReviewId == id);
                _activity.DeleteMany(a => a.ReviewId == id);
                Record(deletion with { ReviewId = id });
            }

            _checkpointAfterBatch = true;
        });

    public Task SaveAsync(Review review, Activity activity)
    {
        // Copied now, on the caller's thread, while the caller still holds the review.
        var document = ReviewDocument.From(review);
        return Enqueue(() =>
        {
            _reviews.Upsert(document);
            foreach (var participant in document.Participants.Where(p => p.InvitationTokenHash is not null))
            {
                _invitations.Upsert(new InvitationDocument { Id = participant.InvitationTokenHash!, ReviewId = document.Id });
            }

            if (document.JoinCode is not null)
            {
                _joinCodes.Upsert(new JoinCodeDocument { Id = document.JoinCode, ReviewId = document.Id });
            }

            Record(activity);
        });
    }

    public bool AnyAccounts() => _accounts.Count() > 0;

    public IReadOnlyList<FacilitatorAccount> Accounts() => [.. _accounts.FindAll().Select(a => a.ToAccount())];

    public FacilitatorAccount? FindAccount(string accountId) => _accounts.FindById(accountId)?.ToAccount();

    public FacilitatorAccount? FindAccountByEmail(string email) => _accounts.FindOne(a => a.Email == email)?.ToAccount();

    public Task SaveAsync(FacilitatorAccount account, Activity activity)
    {
        var document = AccountDocument.From(account);
        return Enqueue(() =>
        {
            _accounts.Upsert(document);
            Record(activity);
        });
    }

    /// <summary>Finishes the queued writes and closes the file; a second call waits for the first to finish.</summary>
    public void Dispose()
    {
        lock (_disposing)
        {
            if (!_queue.Writer.TryComplete())
            {
                return;
            }

            _writer.Join();
            _database.Dispose();
            _logFile.Dispose();
            _dataFile.Dispose();
        }
    }

    private Task Enqueue(Action write)
    {
        var pending = new PendingWrite(write);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(LiteDbStore)));
    }

    private void Record(Activity activity) => _activity.Insert(new ActivityDocument
    {
        ReviewId = activity.ReviewId,
        ParticipantId = activity.ParticipantId,
        Action = activity.Action,
        At = activity.At.UtcTicks,
    });

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
        var batch = new List<PendingWrite>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                Commit(batch);
                if (_checkpointAfterBatch)
                {
                    // LiteDB clears deleted blocks; moving the log into the data file leaves no older copy in the log.
                    _checkpointAfterBatch = false;
                    _database.Checkpoint();
                    _dataFile.Flush(flushToDisk: true);
                }

                batch.ForEach(w => w.Done.SetResult());
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Saving {Count} changes failed", batch.Count);
                batch.ForEach(w => w.Done.SetException(e));
            }

            batch.Clear();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        _database.BeginTrans();
        try
        {
            batch.ForEach(w => w.Write());
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

    private sealed record PendingWrite(Action Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
