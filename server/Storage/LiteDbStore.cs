using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Options;
using ReviewRoom.Access;
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
public sealed class LiteDbStore : IReviewStore, IAccountStore, IJoinCodeTriesStore, IStoreHealth, IDisposable
{
    private const int MaxBatch = 64;
    private const string ReviewIdField = "ReviewId";
    private const string AccountsCollection = "accounts";
    private const string SectionsCollection = "review_sections";
    private const string SummariesCollection = "review_summaries";
    private const string SectionsField = nameof(ReviewRecord.Sections);

    private readonly DatabaseFiles _files;
    private readonly string _path;
    private readonly Stream _dataFile;
    private readonly Stream _logFile;
    private readonly int? _checkpointPages;
    private readonly BsonMapper _mapper = StoredShapes.Mapper();
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Thread _writer;
    private readonly ILogger<LiteDbStore> _logger;
    private readonly Lock _disposing = new();
    private volatile Collections _db;
    private readonly ConcurrentDictionary<(string Collection, string Id), byte[]> _lastWritten = new();
    private volatile bool _cannotWrite;
    private bool _broken;
    private bool _checkpointAfterBatch;

    public LiteDbStore(IOptions<ReviewRoomOptions> options, IHostEnvironment environment, ILogger<LiteDbStore> logger, DatabaseFiles files)
    {
        _logger = logger;
        var path = _path = Path.GetFullPath(options.Value.DatabaseFile, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _files = files;
        (_dataFile, _logFile) = files.Open(path);
        _checkpointPages = options.Value.CheckpointPages;
        _db = Open();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
        logger.LogInformation("Reviews are kept in {DatabaseFile}", path);
    }

    /// <summary>False after a write failed, until one succeeds again.</summary>
    public bool CanWrite => !_cannotWrite;

    public ReviewState? Find(string reviewId)
    {
        if (_db.Records.FindById(reviewId) is not { } record)
        {
            return null;
        }

        record[SectionsField] = _db.Sections.FindById(reviewId)?[SectionsField] ?? new BsonArray();

        return new ReviewState(
            _mapper.ToObject<ReviewRecord>(record),
            [.. Of<Participant>(_db.Participants, reviewId)],
            [.. Of<Card>(_db.Cards, reviewId)],
            [.. Of<ActionItem>(_db.Actions, reviewId)]);
    }

    public string? FindReviewIdByInvitation(string tokenHash) =>
        _db.Participants.FindOne(Query.EQ(nameof(Participant.InvitationTokenHash), tokenHash))?[ReviewIdField].AsString;

    public string? FindReviewIdByJoinCode(string code) => _db.Records.FindOne(Query.EQ(nameof(ReviewRecord.JoinCode), code))?["_id"].AsString;

    public IReadOnlyList<ReviewSummary> FindRunBy(string accountId) =>
        [.. _db.Participants.Find(Query.EQ(nameof(Participant.AccountId), accountId))
            .Where(p => !p[nameof(Participant.Removed)].AsBoolean)
            .Select(p => p[ReviewIdField].AsString)
            .Distinct()
            .Select(id => _db.Summaries.FindById(id))
            .Where(summary => summary is not null)
            .Select(_mapper.ToObject<ReviewSummary>)];

    public IReadOnlyList<ReviewSummary> AllSummaries() => [.. _db.Summaries.FindAll().Select(_mapper.ToObject<ReviewSummary>)];

    public IReadOnlyList<ReviewSummary> FindReviewsOf(string personId) =>
        [.. _db.Summaries.Find(Query.EQ(nameof(ReviewSummary.PersonId), personId)).Select(_mapper.ToObject<ReviewSummary>)];

    public IReadOnlyList<ActionItem> ActionsOf(string reviewId) => [.. Of<ActionItem>(_db.Actions, reviewId)];

    /// <summary>
    /// Deletes reviews with everything that points at them, keeps only that they were deleted, and
    /// checkpoints, so no copy of the content is left in the log.
    /// </summary>
    public Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion) =>
        Enqueue(() =>
        {
            foreach (var id in reviewIds)
            {
                _db.Records.Delete(id);
                _db.Summaries.Delete(id);
                _db.Sections.Delete(id);
                _lastWritten.TryRemove((SectionsCollection, id), out _);
                _lastWritten.TryRemove((SummariesCollection, id), out _);
                foreach (var collection in new[] { _db.Participants, _db.Cards, _db.Actions, _db.Activity })
                {
                    collection.DeleteMany(Query.EQ(ReviewIdField, id));
                }

                Record(Document(deletion with { ReviewId = id }));
            }

            _checkpointAfterBatch = true;
        });

    // Only this process opens the file, so a change is always made on the version saved before it.
    public long? VersionOf(string reviewId) => null;

    public Task SaveAsync(ReviewState changed, Activity activity, ChangeLine line, long madeOn)
    {
        // Turned into documents now, on the caller's thread, while the caller still holds the review.
        var reviewId = changed.Record.Id;
        var record = _mapper.ToDocument(changed.Record);
        // The sections (headings, prompts, options) hardly ever change after a review is made, and the
        // summary only now and then: each is kept on its own and written only when it changed.
        var sections = Unchanged(SectionsCollection, new BsonDocument { ["_id"] = reviewId, [SectionsField] = record[SectionsField] });
        record.Remove(SectionsField);
        var summary = Unchanged(SummariesCollection, _mapper.ToDocument(ReviewSummary.Of(changed.Record)));
        var participants = changed.Participants.Select(p => Owned(p, reviewId)).ToList();
        var cards = changed.Cards.Select(c => Owned(c, reviewId)).ToList();
        var actions = changed.Actions.Select(a => Owned(a, reviewId)).ToList();
        var entry = Document(activity);
        return Enqueue(line, () =>
        {
            _db.Records.Upsert(record);
            WriteIfChanged(_db.Sections, SectionsCollection, sections);
            WriteIfChanged(_db.Summaries, SummariesCollection, summary);
            _db.Participants.Upsert(participants);
            _db.Cards.Upsert(cards);
            _db.Actions.Upsert(actions);
            Record(entry);
        });
    }

    public bool AnyAccounts() => _db.Accounts.Count() > 0;

    public IReadOnlyList<FacilitatorAccount> Accounts() => [.. _db.Accounts.FindAll()];

    public FacilitatorAccount? FindAccount(string accountId) => _db.Accounts.FindById(accountId);

    public FacilitatorAccount? FindAccountByEmail(string email) => _db.Accounts.FindOne(a => a.Email == email);

    public Task SaveAsync(FacilitatorAccount account, Activity activity)
    {
        var document = _mapper.ToDocument(account);
        var entry = Document(activity);
        return Enqueue(() =>
        {
            _db.Database.GetCollection(AccountsCollection).Upsert(document);
            Record(entry);
        });
    }

    /// <summary>Tries a small write, to learn whether the disk takes writes again.</summary>
    public IReadOnlyList<Activity> TrailOf(string reviewId) =>
        [.. _db.Activity.Find(Query.EQ(ReviewIdField, reviewId)).OrderBy(d => d["_id"].AsObjectId).Select(_mapper.ToObject<Activity>)];

    /// <summary>Every line of every trail, those about accounts and deleted reviews too, in the order written.</summary>
    public IReadOnlyList<Activity> WholeTrail() => [.. _db.Activity.FindAll().OrderBy(d => d["_id"].AsObjectId).Select(_mapper.ToObject<Activity>)];

    public Task RecordAsync(Activity activity) => Enqueue(() => Record(Document(activity)));

    public JoinCodeTries? FindTries(string key) => _db.JoinCodeTries.FindById(key) is { } found ? StoredShapes.Tries(found) : null;

    public async Task CountAsync(IReadOnlyList<string> keys, Func<IReadOnlyList<JoinCodeTries?>, IReadOnlyList<JoinCodeTries>> count, DateTimeOffset forgetBefore) =>
        // On the one writer: no other write comes between the read and what is made of it.
        await SaveTriesAsync(() => count([.. keys.Select(FindTries)]), forgetBefore);

    public Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore) => SaveTriesAsync(() => tries, forgetBefore);

    public IReadOnlyList<JoinCodeTries> LoadTries() =>
        [.. _db.JoinCodeTries.FindAll().Select(StoredShapes.Tries)];

    private Task SaveTriesAsync(Func<IReadOnlyList<JoinCodeTries>> tries, DateTimeOffset forgetBefore) =>
        Enqueue(() =>
        {
            _db.JoinCodeTries.Upsert(tries().Select(StoredShapes.Document));
            _db.JoinCodeTries.DeleteMany(Query.And(Query.LT("since", forgetBefore.UtcTicks), Query.Not("_id", JoinCodeBudget.Ever)));
        });

    /// <summary>
    /// Writes a copy of the whole database to <paramref name="path"/> while the server runs. It is made
    /// on the writer, between changes, so every change answered before it began is in it and none is
    /// half in it. The copy is a LiteDB file of its own, forced to disk, that a server can start on.
    /// </summary>
    public async Task BackUpAsync(string path)
    {
        // A backup that cannot be written (a full backup disk, a file already there) is the caller's
        // to hear about: it says nothing about the database, which must go on taking changes.
        Exception? notWritten = null;
        await Enqueue(() =>
        {
            try
            {
                CopyTo(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                notWritten = e;
            }
        });
        if (notWritten is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(notWritten);
        }
    }

    private void CopyTo(string path)
    {
        if (File.Exists(path))
        {
            throw new IOException($"There is already a file at {path}.");
        }

        var partial = path + ".partial";
        File.Delete(partial);
        using (var copy = new LiteDatabase(new ConnectionString { Filename = partial, Connection = ConnectionType.Direct }))
        {
            foreach (var name in _db.Database.GetCollectionNames())
            {
                copy.GetCollection(name).InsertBulk(_db.Database.GetCollection(name).FindAll());
            }

            copy.Checkpoint();
        }

        using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path);
    }

    public Task ProbeAsync() => Enqueue(() => _db.Database.GetCollection("probe").Upsert(new BsonDocument { ["_id"] = 1, ["at"] = DateTime.UtcNow.Ticks }));

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
            _db.Database.Dispose();
            _logFile.Dispose();
            _dataFile.Dispose();
        }
    }

    /// <summary>The document with its bytes, or (null, bytes) when it is what was last written under its id.</summary>
    private (BsonDocument? Document, byte[] Bytes) Unchanged(string collection, BsonDocument document)
    {
        var bytes = BsonSerializer.Serialize(document);
        var same = _lastWritten.TryGetValue((collection, document["_id"].AsString), out var last) && last.AsSpan().SequenceEqual(bytes);
        return (same ? null : document, bytes);
    }

    private void WriteIfChanged(ILiteCollection<BsonDocument> collection, string name, (BsonDocument? Document, byte[] Bytes) part)
    {
        if (part.Document is { } document)
        {
            collection.Upsert(document);
            _lastWritten[(name, document["_id"].AsString)] = part.Bytes;
        }
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

    private Task Enqueue(Action write) => Enqueue(null, write);

    private Task Enqueue(ChangeLine? line, Action write)
    {
        var pending = new PendingWrite(write, line);
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(LiteDbStore)));
    }

    private void Record(BsonDocument activity) => _db.Activity.Insert(activity);

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
                    _db.Database.Checkpoint();
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

    /// <summary>
    /// One change in its own transaction, so one that fails leaves the rest of the batch to be saved.
    /// LiteDB cannot go on after a failed write (a full disk, say): the database is opened again from
    /// what is on disk before the next change.
    /// </summary>
    private bool Commit(PendingWrite write)
    {
        try
        {
            if (write.Line is { Broken: true })
            {
                throw new IOException("An earlier change to this review was not saved.");
            }

            if (_broken)
            {
                Reopen();
            }

            var database = _db.Database;
            database.BeginTrans();
            write.Write();
            database.Commit();
            return true;
        }
        catch (Exception e)
        {
            if (!_broken)
            {
                _logger.LogError(e, "Saving a change failed");
                AbandonFailedTransactions(_db.Database);
                _broken = true;
            }

            write.Line?.Broken = true;
            // What was last written may not have been: write every part again from now on.
            _lastWritten.Clear();
            write.Done.SetException(e);
            return false;
        }
    }

    /// <summary>
    /// Opens the database again from what is on disk, once the disk takes writes again; until then
    /// every write is refused without LiteDB meeting the failing disk again.
    /// </summary>
    private void Reopen()
    {
        if (!_files.CanWrite(_path))
        {
            throw new IOException("The disk does not take writes.");
        }

        try
        {
            _db.Database.Dispose();
        }
        catch (Exception e)
        {
            _logger.LogWarning("Closing the database after a failed write: {Reason}", e.Message);
        }

        _db = Open();
        _broken = false;
        _logger.LogInformation("The database takes writes again");
    }

    /// <summary>
    /// After a failed write LiteDB closes its engine but leaves the transaction open; that
    /// transaction's finalizer later throws on the finalizer thread, which would end the process.
    /// Nothing of it is needed any more (the database is opened again from disk), so it is never finalized.
    /// </summary>
    private void AbandonFailedTransactions(LiteDatabase database)
    {
        try
        {
            const BindingFlags Inside = BindingFlags.Instance | BindingFlags.NonPublic;
            var engine = typeof(LiteDatabase).GetField("_engine", Inside)?.GetValue(database);
            var monitor = engine?.GetType().GetField("_monitor", Inside)?.GetValue(engine);
            if (monitor?.GetType().GetField("_transactions", Inside)?.GetValue(monitor) is not System.Collections.IDictionary transactions)
            {
                _logger.LogWarning("Could not find the transactions LiteDB left open");
            }
            else
            {
                foreach (var transaction in transactions.Values)
                {
#pragma warning disable CA1816 // LiteDB's own object, whose finalizer must not run.
                    GC.SuppressFinalize(transaction!);
#pragma warning restore CA1816
                }
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not set aside the failed transaction: {Reason}", e.Message);
        }
    }

    private Collections Open()
    {
        var database = new LiteDatabase(_dataFile, _mapper, _logFile);
        try
        {
            if (_checkpointPages is { } pages)
            {
                database.CheckpointSize = pages;
            }

            var db = new Collections(database);
            foreach (var collection in new[] { db.Participants, db.Cards, db.Actions, db.Activity })
            {
                collection.EnsureIndex(ReviewIdField);
            }

            db.Records.EnsureIndex(nameof(ReviewRecord.JoinCode));
            db.Summaries.EnsureIndex(nameof(ReviewSummary.PersonId));
            db.Participants.EnsureIndex(nameof(Participant.AccountId));
            db.Participants.EnsureIndex(nameof(Participant.InvitationTokenHash));
            db.Accounts.EnsureIndex(a => a.Email, unique: true);
            return db;
        }
        catch
        {
            AbandonFailedTransactions(database);
            try
            {
                database.Dispose();
            }
            catch (Exception e)
            {
                _logger.LogWarning("Closing a database that could not be opened: {Reason}", e.Message);
            }

            throw;
        }
    }

    private sealed class Collections(LiteDatabase database)
    {
        public LiteDatabase Database { get; } = database;
        public ILiteCollection<BsonDocument> Records { get; } = database.GetCollection("review_records");
        public ILiteCollection<BsonDocument> Summaries { get; } = database.GetCollection(SummariesCollection);
        public ILiteCollection<BsonDocument> Sections { get; } = database.GetCollection(SectionsCollection);
        public ILiteCollection<BsonDocument> Participants { get; } = database.GetCollection("participants");
        public ILiteCollection<BsonDocument> Cards { get; } = database.GetCollection("cards");
        public ILiteCollection<BsonDocument> Actions { get; } = database.GetCollection("actions");
        public ILiteCollection<BsonDocument> Activity { get; } = database.GetCollection("activity");
        public ILiteCollection<BsonDocument> JoinCodeTries { get; } = database.GetCollection("join_code_tries");
        public ILiteCollection<FacilitatorAccount> Accounts { get; } = database.GetCollection<FacilitatorAccount>(AccountsCollection);
    }

    private sealed record PendingWrite(Action Write, ChangeLine? Line)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
