using System.Threading.Channels;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using LiteDB;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Storage;

/// <summary>
/// The store on PostgreSQL, for more than one server: the same documents as LiteDB's (one mapping,
/// <see cref="StoredShapes"/>), kept as jsonb beside the columns they are found by. One writer takes
/// queued changes in batches: one transaction per batch, a savepoint per change, so one that fails
/// fails alone and a burst shares one commit. The schema is made, and brought up to date, at start-up.
/// </summary>
public sealed class PostgreSqlStore : IReviewStore, IAccountStore, IJoinCodeTriesStore, IStoreHealth, IXmlRepository, IDisposable
{
    private const int MaxBatch = 64;
    private const int MostCommitAttempts = 5;
    private static readonly string[] ReviewTables = ["review_records", "review_sections", "review_summaries"];
    private static readonly string[] PerReviewTables = ["participants", "cards", "actions", "activity"];

    // Each step brings the schema from the version before it; a database is taken up to the last.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE review_records (id text PRIMARY KEY, join_code text, doc jsonb NOT NULL);
        CREATE INDEX review_records_join_code ON review_records (join_code);
        CREATE TABLE review_sections (id text PRIMARY KEY, doc jsonb NOT NULL);
        CREATE TABLE review_summaries (id text PRIMARY KEY, person_id text NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX review_summaries_person ON review_summaries (person_id);
        CREATE TABLE participants (id text PRIMARY KEY, review_id text NOT NULL, account_id text, invitation_token_hash text, removed boolean NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX participants_review ON participants (review_id);
        CREATE INDEX participants_account ON participants (account_id);
        CREATE INDEX participants_invitation ON participants (invitation_token_hash);
        CREATE TABLE cards (id text PRIMARY KEY, review_id text NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX cards_review ON cards (review_id);
        CREATE TABLE actions (id text PRIMARY KEY, review_id text NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX actions_review ON actions (review_id);
        CREATE TABLE activity (seq bigserial PRIMARY KEY, review_id text NOT NULL, doc jsonb NOT NULL);
        CREATE INDEX activity_review ON activity (review_id);
        CREATE TABLE accounts (id text PRIMARY KEY, email text NOT NULL UNIQUE, doc jsonb NOT NULL);
        CREATE TABLE join_code_tries (key text PRIMARY KEY, since bigint NOT NULL, doc jsonb NOT NULL);
        """,
        """
        ALTER TABLE review_records ADD COLUMN version bigint NOT NULL DEFAULT 0;
        UPDATE review_records SET version = COALESCE((doc->'Version'->>'$numberLong')::bigint, (doc->>'Version')::bigint, 0);
        """,
        """
        CREATE TABLE data_protection_keys (name text PRIMARY KEY, xml text NOT NULL);
        """,
    ];

    private readonly NpgsqlDataSource _database;
    private readonly BsonMapper _mapper = StoredShapes.Mapper();
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly Task _writer;
    private readonly ILogger<PostgreSqlStore> _logger;
    private volatile bool _cannotWrite;

    public PostgreSqlStore(IOptions<ReviewRoomOptions> options, ILogger<PostgreSqlStore> logger)
    {
        _logger = logger;
        _database = NpgsqlDataSource.Create(options.Value.PostgreSql ?? throw new InvalidOperationException("Set ReviewRoom:PostgreSql to the database's connection string."));
        Migrate();
        _writer = Task.Run(WriteLoopAsync);
    }

    public bool CanWrite => !_cannotWrite;

    public Task ProbeAsync() => Enqueue(null, batch => Command(batch, "SELECT 1"));

    public ReviewState? Find(string reviewId)
    {
        if (One("SELECT doc FROM review_records WHERE id = $1", reviewId) is not { } record)
        {
            return null;
        }

        record[nameof(ReviewRecord.Sections)] = One("SELECT doc FROM review_sections WHERE id = $1", reviewId)?[nameof(ReviewRecord.Sections)] ?? new BsonArray();
        return new ReviewState(
            _mapper.ToObject<ReviewRecord>(record),
            [.. Many<Participant>("SELECT doc FROM participants WHERE review_id = $1", reviewId)],
            [.. Many<Card>("SELECT doc FROM cards WHERE review_id = $1", reviewId)],
            [.. Many<ActionItem>("SELECT doc FROM actions WHERE review_id = $1", reviewId)]);
    }

    public string? FindReviewIdByInvitation(string tokenHash) => Scalar("SELECT review_id FROM participants WHERE invitation_token_hash = $1 LIMIT 1", tokenHash);

    public string? FindReviewIdByJoinCode(string code) => Scalar("SELECT id FROM review_records WHERE join_code = $1 LIMIT 1", code);

    public IReadOnlyList<ReviewSummary> FindRunBy(string accountId) =>
        [.. Many<ReviewSummary>("SELECT s.doc FROM review_summaries s WHERE s.id IN (SELECT review_id FROM participants WHERE account_id = $1 AND NOT removed)", accountId)];

    public IReadOnlyList<ReviewSummary> AllSummaries() => [.. Many<ReviewSummary>("SELECT doc FROM review_summaries")];

    public IReadOnlyList<ReviewSummary> FindReviewsOf(string personId) => [.. Many<ReviewSummary>("SELECT doc FROM review_summaries WHERE person_id = $1", personId)];

    public IReadOnlyList<ActionItem> ActionsOf(string reviewId) => [.. Many<ActionItem>("SELECT doc FROM actions WHERE review_id = $1", reviewId)];

    public IReadOnlyList<Activity> TrailOf(string reviewId) => [.. Many<Activity>("SELECT doc FROM activity WHERE review_id = $1 ORDER BY seq", reviewId)];

    public Task RecordAsync(Activity activity) => Enqueue(null, batch => Record(batch, activity));

    public Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion) =>
        Enqueue(null, batch =>
        {
            foreach (var id in reviewIds)
            {
                foreach (var table in ReviewTables)
                {
                    Command(batch, $"DELETE FROM {table} WHERE id = $1", id);
                }

                foreach (var table in PerReviewTables)
                {
                    Command(batch, $"DELETE FROM {table} WHERE review_id = $1", id);
                }

                Record(batch, deletion with { ReviewId = id });
            }
        });

    public long? VersionOf(string reviewId)
    {
        using var command = Prepared("SELECT version FROM review_records WHERE id = $1", [reviewId]);
        return command.ExecuteScalar() is long version ? version : null;
    }

    public Task SaveAsync(ReviewState changed, Activity activity, ChangeLine line, long madeOn) => Write(changed, activity, line, madeOn);

    /// <summary>Copies a whole review in as it is, its trail apart (see <see cref="ImportAsync(IEnumerable{Activity})"/>).</summary>
    public Task ImportAsync(ReviewState review) => Write(review, activity: null, line: null, madeOn: 0);

    /// <summary>Copies trail lines in as they are, in the order given.</summary>
    public Task ImportAsync(IEnumerable<Activity> trail)
    {
        var lines = trail.ToList();
        return Enqueue(null, batch => lines.ForEach(line => Record(batch, line)));
    }

    /// <summary>Copies a facilitator's account in as it is.</summary>
    public Task ImportAsync(FacilitatorAccount account)
    {
        var json = Json(_mapper.ToDocument(account));
        return Enqueue(null, batch => SaveAccount(batch, account, json));
    }

    private Task Write(ReviewState changed, Activity? activity, ChangeLine? line, long madeOn)
    {
        // Turned into documents now, on the caller's thread, while the caller still holds the review.
        var reviewId = changed.Record.Id;
        var record = _mapper.ToDocument(changed.Record);
        var sections = new BsonDocument { [nameof(ReviewRecord.Sections)] = record[nameof(ReviewRecord.Sections)] };
        record.Remove(nameof(ReviewRecord.Sections));
        var summary = _mapper.ToDocument(ReviewSummary.Of(changed.Record));
        var participants = changed.Participants.Select(p => (p, Json(_mapper.ToDocument(p)))).ToList();
        var cards = changed.Cards.Select(c => (c.Id, Json(_mapper.ToDocument(c)))).ToList();
        var actions = changed.Actions.Select(a => (a.Id, Json(_mapper.ToDocument(a)))).ToList();
        var (recordJson, sectionsJson, summaryJson) = (Json(record), Json(sections), Json(summary));
        var version = changed.Record.Version;
        return Enqueue(line, batch =>
        {
            // Onto the version it was made on, or not at all: the writer checks that one row changed.
            if (madeOn == 0)
            {
                Command(batch, "INSERT INTO review_records (id, join_code, doc, version) VALUES ($1, $2, $3, $4)", reviewId, changed.Record.JoinCode, Jsonb(recordJson), version);
            }
            else
            {
                Command(batch, "UPDATE review_records SET join_code = $2, doc = $3, version = $4 WHERE id = $1 AND version = $5",
                    reviewId, changed.Record.JoinCode, Jsonb(recordJson), version, madeOn);
            }

            Command(batch, "INSERT INTO review_sections (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc", reviewId, Jsonb(sectionsJson));
            Command(batch, "INSERT INTO review_summaries (id, person_id, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, doc = EXCLUDED.doc",
                reviewId, changed.Record.PersonId, Jsonb(summaryJson));
            foreach (var (participant, json) in participants)
            {
                Command(batch,
                    "INSERT INTO participants (id, review_id, account_id, invitation_token_hash, removed, doc) VALUES ($1, $2, $3, $4, $5, $6) " +
                    "ON CONFLICT (id) DO UPDATE SET account_id = EXCLUDED.account_id, invitation_token_hash = EXCLUDED.invitation_token_hash, removed = EXCLUDED.removed, doc = EXCLUDED.doc",
                    participant.Id, reviewId, participant.AccountId, participant.InvitationTokenHash, participant.Removed, Jsonb(json));
            }

            foreach (var (table, rows) in new[] { ("cards", cards), ("actions", actions) })
            {
                foreach (var (id, json) in rows)
                {
                    Command(batch, $"INSERT INTO {table} (id, review_id, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc", id, reviewId, Jsonb(json));
                }
            }

            if (activity is not null)
            {
                Record(batch, activity);
            }
        });
    }

    public bool AnyAccounts() => Scalar("SELECT id FROM accounts LIMIT 1") is not null;

    public IReadOnlyList<FacilitatorAccount> Accounts() => [.. Many<FacilitatorAccount>("SELECT doc FROM accounts")];

    public FacilitatorAccount? FindAccount(string accountId) => Many<FacilitatorAccount>("SELECT doc FROM accounts WHERE id = $1", accountId).FirstOrDefault();

    public FacilitatorAccount? FindAccountByEmail(string email) => Many<FacilitatorAccount>("SELECT doc FROM accounts WHERE email = $1", email).FirstOrDefault();

    public Task SaveAsync(FacilitatorAccount account, Activity activity)
    {
        var json = Json(_mapper.ToDocument(account));
        return Enqueue(null, batch =>
        {
            SaveAccount(batch, account, json);
            Record(batch, activity);
        });
    }

    private static void SaveAccount(NpgsqlBatch batch, FacilitatorAccount account, string json) =>
        Command(batch, "INSERT INTO accounts (id, email, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, doc = EXCLUDED.doc", account.Id, account.Email, Jsonb(json));

    public JoinCodeTries? FindTries(string key) => One("SELECT doc FROM join_code_tries WHERE key = $1", key) is { } found ? StoredShapes.Tries(found) : null;

    /// <summary>In a transaction of its own, behind a lock every server takes for join-code tries, so no other try comes between.</summary>
    public async Task CountAsync(IReadOnlyList<string> keys, Func<IReadOnlyList<JoinCodeTries?>, IReadOnlyList<JoinCodeTries>> count, DateTimeOffset forgetBefore)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("SELECT pg_advisory_xact_lock(7392)", connection, transaction).ExecuteNonQueryAsync();
        var found = new Dictionary<string, JoinCodeTries>();
        await using (var read = new NpgsqlCommand("SELECT doc FROM join_code_tries WHERE key = ANY($1)", connection, transaction) { Parameters = { new() { Value = keys.ToArray() } } })
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var tries = StoredShapes.Tries(LiteDB.JsonSerializer.Deserialize(reader.GetString(0)).AsDocument);
                found[tries.Key] = tries;
            }
        }

        var saving = new NpgsqlBatch(connection, transaction);
        SaveTries(saving, count([.. keys.Select(found.GetValueOrDefault)]), forgetBefore);
        await saving.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public IReadOnlyList<JoinCodeTries> LoadTries() =>
        [.. Documents("SELECT doc FROM join_code_tries").Select(StoredShapes.Tries)];

    public Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore) => Enqueue(null, batch => SaveTries(batch, tries, forgetBefore));

    private static void SaveTries(NpgsqlBatch batch, IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore)
    {
        foreach (var t in tries)
        {
            Command(batch, "INSERT INTO join_code_tries (key, since, doc) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET since = EXCLUDED.since, doc = EXCLUDED.doc",
                t.Key, t.Since.UtcTicks, Jsonb(Json(StoredShapes.Document(t))));
        }

        Command(batch, "DELETE FROM join_code_tries WHERE since < $1 AND key <> $2", forgetBefore.UtcTicks, JoinCodeBudget.Ever);
    }

    /// <summary>The keys that sign cookies, shared by every server on this database.</summary>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = _database.CreateCommand("SELECT xml FROM data_protection_keys");
        using var reader = command.ExecuteReader();
        List<XElement> keys = [];
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = Prepared("INSERT INTO data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [friendlyName, element.ToString(SaveOptions.DisableFormatting)]);
        command.ExecuteNonQuery();
    }

    /// <summary>Finishes the queued writes, then lets the connections go.</summary>
    public void Dispose()
    {
        if (_queue.Writer.TryComplete())
        {
            _writer.GetAwaiter().GetResult();
            _database.Dispose();
        }
    }

    private void Migrate()
    {
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // One server at a time brings the schema up; the others wait here, then find it done.
        new NpgsqlCommand("SELECT pg_advisory_xact_lock(7391)", connection, transaction).ExecuteNonQuery();
        new NpgsqlCommand("CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL)", connection, transaction).ExecuteNonQuery();
        var version = new NpgsqlCommand("SELECT max(version) FROM schema_version", connection, transaction).ExecuteScalar() is int v ? v : 0;
        foreach (var (step, number) in Migrations.Select((m, i) => (m, i + 1)).Skip(version))
        {
            new NpgsqlCommand(step, connection, transaction).ExecuteNonQuery();
            new NpgsqlCommand($"INSERT INTO schema_version (version) VALUES ({number})", connection, transaction).ExecuteNonQuery();
            _logger.LogInformation("The PostgreSQL schema was brought to version {Version}", number);
        }

        transaction.Commit();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    // One transaction for the batch; each change behind a savepoint of its own, so one that fails is
    // rolled back alone and the rest are committed together, once, before any is answered. Another
    // server's batch may take the same rows in another order: PostgreSQL then ends one of the two
    // transactions, and that batch is committed again from the start.
    private async Task CommitAsync(List<PendingWrite> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitOnceAsync(batch, lastAttempt: attempt == MostCommitAttempts);
                return;
            }
            catch (PostgresException e) when (IsRace(e) && attempt < MostCommitAttempts)
            {
                _logger.LogInformation("A batch of {Count} changes met another server's ({Reason}); committing it again", batch.Count, e.SqlState);
            }
        }
    }

    private async Task CommitOnceAsync(List<PendingWrite> batch, bool lastAttempt)
    {
        List<PendingWrite> written = [];
        try
        {
            await using var connection = await _database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var write in batch)
            {
                if (write.Line is { Stale: true })
                {
                    write.Done.TrySetException(new ChangedElsewhereException());
                    continue;
                }

                if (write.Line is { Broken: true })
                {
                    write.Done.TrySetException(new IOException("An earlier change to this review was not saved."));
                    continue;
                }

                await transaction.SaveAsync("change");
                try
                {
                    var commands = new NpgsqlBatch(connection, transaction);
                    write.Write(commands);
                    await commands.ExecuteNonQueryAsync();
                    if (write.Line is not null && commands.BatchCommands[0].RecordsAffected == 0)
                    {
                        // Another server saved a change to this review first.
                        await transaction.RollbackAsync("change");
                        write.Line.Stale = true;
                        write.Done.TrySetException(new ChangedElsewhereException());
                        continue;
                    }

                    await transaction.ReleaseAsync("change");
                    written.Add(write);
                }
                catch (PostgresException e) when (!IsRace(e))
                {
                    _logger.LogError(e, "Saving a change failed");
                    await transaction.RollbackAsync("change");
                    write.Line?.Broken = true;
                    write.Done.TrySetException(e);
                }
            }

            await transaction.CommitAsync();
            _cannotWrite = written.Count < batch.Count(w => w.Line is not { Stale: true });
            written.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception e) when ((e is NpgsqlException or InvalidOperationException) && (lastAttempt || e is not PostgresException race || !IsRace(race)))
        {
            _logger.LogError(e, "Committing {Count} changes failed", written.Count);
            _cannotWrite = true;
            foreach (var write in written)
            {
                write.Line?.Broken = true;
                write.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Another server's transaction met this one's: a deadlock, or a serialization failure.</summary>
    private static bool IsRace(PostgresException e) => e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private Task Enqueue(ChangeLine? line, Action<NpgsqlBatch> write)
    {
        var pending = new PendingWrite(write, line);
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : Task.FromException(new ObjectDisposedException(nameof(PostgreSqlStore)));
    }

    private void Record(NpgsqlBatch batch, Activity activity) =>
        Command(batch, "INSERT INTO activity (review_id, doc) VALUES ($1, $2)", activity.ReviewId, Jsonb(Json(_mapper.ToDocument(activity))));

    private static void Command(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        batch.BatchCommands.Add(command);
    }

    private BsonDocument? One(string sql, string key) => Documents(sql, key).FirstOrDefault();

    private IEnumerable<T> Many<T>(string sql, params object[] values) => Documents(sql, values).Select(_mapper.ToObject<T>);

    private List<BsonDocument> Documents(string sql, params object[] values)
    {
        using var command = Prepared(sql, values);
        using var reader = command.ExecuteReader();
        List<BsonDocument> documents = [];
        while (reader.Read())
        {
            documents.Add(LiteDB.JsonSerializer.Deserialize(reader.GetString(0)).AsDocument);
        }

        return documents;
    }

    private string? Scalar(string sql, params object[] values)
    {
        using var command = Prepared(sql, values);
        return command.ExecuteScalar() as string;
    }

    private NpgsqlCommand Prepared(string sql, object[] values)
    {
        var command = _database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static string Json(BsonDocument document) => LiteDB.JsonSerializer.Serialize(document);

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private sealed record PendingWrite(Action<NpgsqlBatch> Write, ChangeLine? Line)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
