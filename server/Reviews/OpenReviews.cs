using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Reviews;

/// <summary>
/// The reviews in memory, and the one way any of them changes: one change at a time per review
/// (its gate) is applied and handed to the store; each is answered and told to the room only once
/// saved, in order. Reads never wait behind the gate:
/// they take a short lock on the review in memory, and if they saw a change still being saved,
/// they wait for that one save alone. A review nobody uses leaves memory and comes back on demand.
/// </summary>
public sealed class OpenReviews(IReviewStore store, IReviewNotifier notifier, RoomDeltas deltas, IOptions<ReviewRoomOptions> options, TimeProvider clock, ILogger<OpenReviews> logger)
{
    private readonly ConcurrentDictionary<string, OpenReview> _open = new();
    private readonly Lock _loading = new();

    /// <summary>How many reviews are in memory now.</summary>
    public int Count => _open.Count;

    /// <summary>Saves a review just made, and keeps it open.</summary>
    public async Task AddAsync(Review review, Activity activity)
    {
        var open = new OpenReview(review, clock.GetUtcNow());
        await store.SaveAsync(review.TakeChanges().Saved, activity, open.Line, madeOn: 0);
        _open[review.Id] = open;
    }

    /// <summary>Reads a review as last saved; default when there is no such review.</summary>
    public async Task<T?> ReadAsync<T>(string reviewId, Func<Review, T?> read)
    {
        while (true)
        {
            if (Open(reviewId) is not { } open)
            {
                return default;
            }

            T? result;
            Task? saving;
            lock (open.Memory)
            {
                if (open.Evicted)
                {
                    continue;
                }

                result = read(open.Review);
                saving = open.Review.Version > open.SavedVersion ? open.Saving : null;
            }

            if (saving is null)
            {
                return result;
            }

            try
            {
                await saving;
                return result;
            }
            catch (Exception e) when (e is ReviewRuleException or ChangedElsewhereException)
            {
                // What was read was never saved: read again from what is on disk.
            }
        }
    }

    /// <summary>
    /// Makes one change: waits for the review's gate, applies the rule-checked change and hands what
    /// it touched to the store, then lets the next change in; the change is answered, and told to the
    /// room, once it is on disk, in the order the changes were made. So a review's changes made in
    /// quick succession reach the disk together, and one slow disk write holds up no other review.
    /// A change that changes nothing (a retried send) is answered once what it found is on disk.
    /// </summary>
    /// <param name="by">Who makes it; null for someone not yet in the review, who is the participant the change returns.</param>
    public async Task<T> ChangeAsync<T>(string reviewId, string? by, Func<Review, T> change, string action)
    {
        while (true)
        {
            var open = Open(reviewId) ?? throw new ReviewRuleException(ReviewError.NotAMember);
            T result;
            Task answered;
            long madeOn;
            await open.Gate.WaitAsync();
            try
            {
                if (open.Evicted)
                {
                    continue;
                }

                ReviewChange? touched = null;
                RoomDelta? delta = null;
                lock (open.Memory)
                {
                    var before = madeOn = open.Review.Version;
                    result = change(open.Review);
                    if (open.Review.Version != before)
                    {
                        touched = open.Review.TakeChanges();
                        delta = deltas.Of(open.Review, touched);
                    }
                }

                if (touched is null)
                {
                    answered = open.Saving;
                }
                else
                {
                    // Handed to the store under the gate, so one review's changes reach the disk in the order they were made.
                    var activity = Audited(open.Review, touched, by ?? (result as Participant)?.Id ?? "", action);
                    var saving = SavedAsync(open, store.SaveAsync(touched.Saved, activity, open.Line, madeOn), touched.Saved.Record.Version);
                    lock (open.Memory)
                    {
                        open.Saving = saving;
                    }

                    answered = open.Told = TellInTurnAsync(open.Told, saving, delta!);
                }
            }
            finally
            {
                open.Gate.Release();
            }

            try
            {
                await answered;
                return result;
            }
            catch (ChangedElsewhereException)
            {
                // Another server's change came first: this one is made again, on the review as it now is.
            }
        }
    }

    // Who did it, as what, and to which thing: the edit's own, or else the one card, action or person it touched.
    private Activity Audited(Review review, ReviewChange change, string by, string action)
    {
        var subject = change.Edit?.Subject
            ?? change.Saved.Cards.Select(c => c.Id).Concat(change.Saved.Actions.Select(a => a.Id)).Concat(change.Saved.Participants.Select(p => p.Id)).FirstOrDefault();
        var role = review.Participants.FirstOrDefault(p => p.Id == by)?.Role;
        return new Activity(review.Id, by, action, clock.GetUtcNow(), role, subject, change.Edit?.Before, change.Edit?.After);
    }

    /// <summary>Takes reviews out of memory for good (they were deleted), waiting for any change in progress.</summary>
    public async Task ForgetAsync(string reviewId)
    {
        if (_open.TryGetValue(reviewId, out var open))
        {
            await open.Gate.WaitAsync();
            await open.Told.ContinueWith(_ => { }, TaskScheduler.Default);
            Evict(open);
            open.Gate.Release();
        }
    }

    /// <summary>Lets go of reviews nobody has used for a while, and closed ones sooner; the next use loads them again.</summary>
    public int LeaveIdle()
    {
        var now = clock.GetUtcNow();
        var left = 0;
        foreach (var open in _open.Values)
        {
            var idleFor = now - open.LastUsed;
            var leaves = idleFor >= options.Value.IdleReviewsLeaveAfter || (open.Review.IsClosed && idleFor >= options.Value.ClosedReviewsLeaveAfter);
            if (leaves && open.Gate.Wait(0))
            {
                // Only once nothing of it is still on its way to disk, or a copy read back would be behind it.
                if (open.Told.IsCompleted)
                {
                    Evict(open);
                    left++;
                }

                open.Gate.Release();
            }
        }

        return left;
    }

    private OpenReview? Open(string reviewId)
    {
        if (!_open.TryGetValue(reviewId, out var open))
        {
            lock (_loading)
            {
                if (!_open.TryGetValue(reviewId, out open))
                {
                    if (store.Find(reviewId) is not { } state)
                    {
                        return null;
                    }

                    open = _open[reviewId] = new OpenReview(Review.Restore(state), clock.GetUtcNow());
                }
            }
        }

        // Where other servers write too, a copy behind the store's is let go and read afresh.
        if (store.VersionOf(reviewId) is { } saved && saved > open.Review.Version)
        {
            Evict(open);
            return Open(reviewId);
        }

        open.LastUsed = clock.GetUtcNow();
        return open;
    }

    private async Task SavedAsync(OpenReview open, Task write, long version)
    {
        try
        {
            await write;
        }
        catch (ChangedElsewhereException)
        {
            Evict(open);
            throw;
        }
        catch (Exception e)
        {
            // The copy in memory is ahead of the disk: drop it, so the next reader sees only what was saved.
            Evict(open);
            logger.LogWarning("A change to review {ReviewId} was not saved: {Reason}", open.Review.Id, e.Message);
            throw new ReviewRuleException(ReviewError.NotSaved);
        }

        lock (open.Memory)
        {
            open.SavedVersion = Math.Max(open.SavedVersion, version);
        }
    }

    /// <summary>Tells the room about a change once it is saved and once the change before it has been told.</summary>
    private async Task TellInTurnAsync(Task previous, Task saving, RoomDelta delta)
    {
        try
        {
            await previous;
        }
        catch (Exception e) when (e is ReviewRuleException or ChangedElsewhereException)
        {
            // An earlier change that was not saved is refused to its own caller, or made again.
        }

        await saving;
        try
        {
            await notifier.TellAsync(delta);
        }
        catch (Exception e)
        {
            // The change is saved, so it is answered: a page that missed it sees the gap in versions at the
            // next change, or reconnects, and catches up from the board as saved.
            logger.LogWarning("Review {ReviewId} was not told of version {Version}: {Reason}", delta.ReviewId, delta.InEachLanguage[0].ForEveryone.Version, e.Message);
        }
    }

    private void Evict(OpenReview open)
    {
        lock (open.Memory)
        {
            open.Evicted = true;
        }

        _open.TryRemove(new KeyValuePair<string, OpenReview>(open.Review.Id, open));
    }

    private sealed class OpenReview(Review review, DateTimeOffset now)
    {
        public Review Review { get; } = review;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public Lock Memory { get; } = new();
        public long SavedVersion { get; set; } = review.Version;
        public Task Saving { get; set; } = Task.CompletedTask;

        /// <summary>The last change told to the room, or being told.</summary>
        public Task Told { get; set; } = Task.CompletedTask;

        /// <summary>This copy's run of changes in the store: once one fails, those after it fail too.</summary>
        public ChangeLine Line { get; } = new();
        public bool Evicted { get; set; }
        public DateTimeOffset LastUsed { get; set; } = now;
    }
}
