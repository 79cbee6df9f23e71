using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Options;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Storage;

/// <summary>
/// The only class that touches LiteDB. One database per process, opened once. A review is kept as
/// its record plus one small document per participant, card and action, so a change writes only
/// what it touched. Writes go through a single writer thread: each change is its own transaction
/// (one that fails fails only its caller), and a batch of them is forced to disk once before any is
/// answered, so hub calls never wait on the disk from the thread pool and an answered change
/// survives a power cut.
/// </summary>
public sealed class LiteDbStore : IReviewStore, IAccountStore, IDisposable
{
    private const int MaxBatch = 64;
    private const string ReviewIdField = "ReviewId";
    private const string AccountsCollection = "accounts";

    private readonly Stream _dataFile;
    private readonly Stream _logFile;
    private readonly LiteDatabase _database;
    private readonly BsonMapper _mapper = Mapper();
    private readonly ILiteCollection<BsonDocument> _records;
    private readonly ILiteCollection<BsonDocument> _summaries;
    private readonly ILiteCollection<BsonDocument> _participants;
    private readonly ILiteCollection<BsonDocument> _cards;
    private readonly ILiteCollection<BsonDocument> _actions;
    private readonly ILiteCollection<BsonDocument> _activity;
    private readonly ILiteCollection<FacilitatorAccount> _accounts;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Thread _writer;
    private readonly ILogger<LiteDbStore> _logger;
    private readonly Lock _disposing = new();
    private volatile bool _cannotWrite;
    private bool _checkpointAfterBatch;

    public LiteDbStore(IOptions<ReviewRoomOptions> options, IHostEnvironment environment, ILogger<LiteDbStore> logger, DatabaseFiles files)
    {
        _logger = logger;
        var path = Path.GetFullPath(options.Value.DatabaseFile, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        (_dataFile, _logFile) = files.Open(path);
        _database = new LiteDatabase(_dataFile, _mapper, _logFile);
        if (options.Value.CheckpointPages is { } pages)
        {
            _database.CheckpointSize = pages;
        }

        _records = _database.GetCollection("review_records");
        _summaries = _database.GetCollection("review_summaries");
        _participants = _database.GetCollection("participants");
        _cards = _database.GetCollection("cards");
        _actions = _database.GetCollection("actions");
        _activity = _database.GetCollection("activity");
        _accounts = _database.GetCollection<FacilitatorAccount>(AccountsCollection);
        foreach (var collection in new[] { _participants, _cards, _actions, _activity })
        {
            collection.EnsureIndex(ReviewIdField);
        }

        _records.EnsureIndex(nameof(ReviewRecord.JoinCode));
        _summaries.EnsureIndex(nameof(ReviewSummary.PersonId));
        _participants.EnsureIndex(nameof(Participant.AccountId));
        _participants.EnsureIndex(nameof(Participant.InvitationTokenHash));
        _accounts.EnsureIndex(a => a.Email, unique: true);
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
        logger.LogInformation("Reviews are kept in {DatabaseFile}", path);
    }

    /// <summary>False after a write failed, until one succeeds again.</summary>
    public bool CanWrite => !_cannotWrite;

    public ReviewState? Find(string reviewId)
    {
        if (_records.FindById(reviewId) is not { } record)
        {
            return null;
        }

        return new ReviewState(
            _mapper.ToObject<ReviewRecord>(record),
            [.. Of<Participant>(_participants, reviewId)],
            [.. Of<Card>(_cards, reviewId).OrderBy(c => c.AddedAt)],
            [.. Of<ActionItem>(_actions, reviewId).OrderBy(a => a.AddedAt)]);
    }

    public string? FindReviewIdByInvitation(string tokenHash) =>
        _participants.FindOne(Query.EQ(nameof(Participant.InvitationTokenHash), tokenHash))?[ReviewIdField].AsString;

    public string? FindReviewIdByJoinCode(string code) => _records.FindOne(Query.EQ(nameof(ReviewRecord.JoinCode), code))?["_id"].AsString;

    public IReadOnlyList<ReviewSummary> FindRunBy(string accountId) =>
        [.. _participants.Find(Query.EQ(nameof(Participant.AccountId), accountId))
            .Where(p => !p[nameof(Participant.Removed)].AsBoolean)
            .Select(p => p[ReviewIdField].AsString)
            .Distinct()
            .Select(id => _summaries.FindById(id))
            .Where(summary => summary is not null)
            .Select(_mapper.ToObject<ReviewSummary>)];

    public IReadOnlyList<ReviewSummary> FindReviewsOf(string personId) =>
        [.. _summaries.Find(Query.EQ(nameof(ReviewSummary.PersonId), personId)).Select(_mapper.ToObject<ReviewSummary>)];

    public IReadOnlyList<ActionItem> ActionsOf(string reviewId) => [.. Of<ActionItem>(_actions, reviewId)];

    /// <summary>
    /// Deletes reviews with everything that points at them, keeps only that they were deleted, and
    /// checkpoints, so no copy of the content is left in the log.
    /// </summary>
    public Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion) =>
        Enqueue(() =>
        {
            foreach (var id in reviewIds)
            {
                _records.Delete(id);
                _summaries.Delete(id);
                foreach (var collection in new[] { _participants, _cards, _actions, _activity })
                {
                    collection.DeleteMany(Query.EQ(ReviewIdField, id));
                }

                Record(Document(deletion with { ReviewId = id }));
            }

            _checkpointAfterBatch = true;
        });

    public Task SaveAsync(ReviewState changed, Activity activity)
    {
        // Turned into documents now, on the caller's thread, while the caller still holds the review.
        var reviewId = changed.Record.Id;
        var record = _mapper.ToDocument(changed.Record);
        var summary = _mapper.ToDocument(ReviewSummary.Of(changed.Record));
        var participants = changed.Participants.Select(p => Owned(p, reviewId)).ToList();
        var cards = changed.Cards.Select(c => Owned(c, reviewId)).ToList();
        var actions = changed.Actions.Select(a => Owned(a, reviewId)).ToList();
        var entry = Document(activity);
        return Enqueue(() =>
        {
            _records.Upsert(record);
            _summaries.Upsert(summary);
            _participants.Upsert(participants);
            _cards.Upsert(cards);
            _actions.Upsert(actions);
            Record(entry);
        });
    }

    public bool AnyAccounts() => _accounts.Count() > 0;

    public IReadOnlyList<FacilitatorAccount> Accounts() => [.. _accounts.FindAll()];

    public FacilitatorAccount? FindAccount(string accountId) => _accounts.FindById(accountId);

    public FacilitatorAccount? FindAccountByEmail(string email) => _accounts.FindOne(a => a.Email == email);

    public Task SaveAsync(FacilitatorAccount account, Activity activity)
    {
        var document = _mapper.ToDocument(account);
        var entry = Document(activity);
        return Enqueue(() =>
        {
            _database.GetCollection(AccountsCollection).Upsert(document);
            Record(entry);
        });
    }

    /// <summary>Tries a small write, to learn whether the disk takes writes again.</summary>
    public Task ProbeAsync() => Enqueue(() => _database.GetCollection("probe").Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow.Ticks }));

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

    private static BsonMapper Mapper()
    {
        // LiteDB would hand DateTimes back in local time and knows no DateOnly: times are UTC ticks, dates day numbers.
        var mapper = new BsonMapper();
        mapper.RegisterType<DateTimeOffset>(at => new BsonValue(at.UtcTicks), value => new DateTimeOffset(value.AsInt64, TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(date => new BsonValue(date.DayNumber), value => DateOnly.FromDayNumber(value.AsInt32));
        return mapper;
    }

    private IEnumerable<T> Of<T>(ILiteCollection<BsonDocument> collection, string reviewId) =>
        collection.Find(Query.EQ(ReviewIdField, reviewId)).Select(_mapper.ToObject<T>);

    private BsonDocument Owned<T>(T entity, string reviewId)
    {
        var document = _mapper.ToDocument(entity);
        document[ReviewIdField] = reviewId;
        return document;
    }

    private BsonDocument Document(Activity activity)
    {
        var document = _mapper.ToDocument(activity);
        document["_id"] = ObjectId.NewObjectId();
        return document;
    }

    private Task Enqueue(Action write)
    {
        var pending = new PendingWrite(write);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(LiteDbStore)));
    }

    private void Record(BsonDocument activity) => _activity.Insert(activity);

    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            var committed = batch.Where(Commit).ToList();
            try
            {
                _logFile.Flush();
                if (_checkpointAfterBatch)
                {
                    // LiteDB clears deleted blocks; moving the log into the data file leaves no older copy in the log.
                    _checkpointAfterBatch = false;
                    _database.Checkpoint();
                }

                _cannotWrite = committed.Count < batch.Count;
                committed.ForEach(w => w.Done.SetResult());
            }
            catch (Exception e)
            {
                _cannotWrite = true;
                _logger.LogError(e, "Forcing {Count} changes to disk failed", committed.Count);
                committed.ForEach(w => w.Done.SetException(e));
            }

            batch.Clear();
        }
    }

    /// <summary>One change in its own transaction, so one that fails leaves the rest of the batch to be saved.</summary>
    private bool Commit(PendingWrite write)
    {
        try
        {
            _database.BeginTrans();
            write.Write();
            _database.Commit();
            return true;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Saving a change failed");
            try
            {
                _database.Rollback();
            }
            catch (Exception rollback)
            {
                _logger.LogError(rollback, "Rolling back a failed change failed");
            }

            write.Done.SetException(e);
            return false;
        }
    }

    private sealed record PendingWrite(Action Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
