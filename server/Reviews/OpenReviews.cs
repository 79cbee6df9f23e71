using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Reviews;

/// <summary>
/// The reviews in memory, and the one way any of them changes: one change at a time per review
/// (its gate), applied, saved, and only then told to the room. Reads never wait behind the gate:
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
        await store.SaveAsync(review.TakeChanges().Saved, activity);
        _open[review.Id] = new OpenReview(review, clock.GetUtcNow());
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
            catch (ReviewRuleException)
            {
                // What was read was never saved: read again from what is on disk.
            }
        }
    }

    /// <summary>
    /// Makes one change: waits for the review's gate, applies the rule-checked change, saves what it
    /// touched, then tells the room. A change that changes nothing (a retried send) is answered without saving.
    /// </summary>
    /// <param name="by">Who makes it; null for someone not yet in the review, who is the participant the change returns.</param>
    public async Task<T> ChangeAsync<T>(string reviewId, string? by, Func<Review, T> change, string action)
    {
        while (true)
        {
            var open = Open(reviewId) ?? throw new ReviewRuleException(ReviewError.NotAMember);
            await open.Gate.WaitAsync();
            try
            {
                if (open.Evicted)
                {
                    continue;
                }

                T result;
                ReviewChange touched;
                RoomDelta delta;
                var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (open.Memory)
                {
                    var before = open.Review.Version;
                    result = change(open.Review);
                    if (open.Review.Version == before)
                    {
                        return result;
                    }

                    touched = open.Review.TakeChanges();
                    delta = deltas.Of(open.Review, touched);
                    open.Saving = saved.Task;
                }

                try
                {
                    await store.SaveAsync(touched.Saved, new Activity(reviewId, by ?? (result as Participant)?.Id ?? "", action, clock.GetUtcNow()));
                }
                catch (Exception e) when (e is not ReviewRuleException)
                {
                    // The copy in memory is ahead of the disk: drop it, so the next reader sees only what was saved.
                    Evict(open);
                    var refusal = new ReviewRuleException(ReviewError.NotSaved);
                    saved.SetException(refusal);
                    logger.LogWarning("A change to review {ReviewId} was not saved: {Reason}", reviewId, e.Message);
                    throw refusal;
                }

                open.SavedVersion = touched.Saved.Record.Version;
                saved.SetResult();
                await notifier.TellAsync(delta);
                return result;
            }
            finally
            {
                open.Gate.Release();
            }
        }
    }

    /// <summary>Takes reviews out of memory for good (they were deleted), waiting for any change in progress.</summary>
    public async Task ForgetAsync(string reviewId)
    {
        if (_open.TryGetValue(reviewId, out var open))
        {
            await open.Gate.WaitAsync();
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
                Evict(open);
                open.Gate.Release();
                left++;
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

        open.LastUsed = clock.GetUtcNow();
        return open;
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
        public bool Evicted { get; set; }
        public DateTimeOffset LastUsed { get; set; } = now;
    }
}
