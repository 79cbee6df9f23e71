using ReviewRoom.Domain;

namespace ReviewRoom.Reviews;

/// <summary>Where reviews are kept. Narrow on purpose, so another engine can stand in for LiteDB.</summary>
public interface IReviewStore
{
    /// <summary>A whole review as saved; null if there is none.</summary>
    ReviewState? Find(string reviewId);

    string? FindReviewIdByInvitation(string tokenHash);

    /// <summary>The review that shows this join code now, if any.</summary>
    string? FindReviewIdByJoinCode(string code);

    /// <summary>The reviews this account runs or co-facilitates (and has not been removed from).</summary>
    IReadOnlyList<ReviewSummary> FindRunBy(string accountId);

    /// <summary>Every review there is, as its summary.</summary>
    IReadOnlyList<ReviewSummary> AllSummaries();

    /// <summary>Every review of one person, whoever runs them.</summary>
    IReadOnlyList<ReviewSummary> FindReviewsOf(string personId);

    /// <summary>A review's actions, read on their own.</summary>
    IReadOnlyList<ActionItem> ActionsOf(string reviewId);

    /// <summary>A review's audit trail, oldest first.</summary>
    IReadOnlyList<Activity> TrailOf(string reviewId);

    /// <summary>Adds a line to the trail for something that changed nothing (a view, a download); completes once it is on disk.</summary>
    Task RecordAsync(Activity activity);

    /// <summary>Deletes reviews and all that points at them, keeping only the given record that they were deleted; no copy of the content stays in the file.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion);

    /// <summary>
    /// Completes once what one change touched, and its activity entry, are safely on disk. Changes on
    /// one <paramref name="line"/> are saved in the order given; once one fails, every later one fails.
    /// A store that other servers write to too saves a change only onto the version it was made on
    /// (<paramref name="madeOn"/>; 0 for a new review), and otherwise fails it, and every later one on
    /// its line, with <see cref="ChangedElsewhereException"/>.
    /// </summary>
    Task SaveAsync(ReviewState changed, Activity activity, ChangeLine line, long madeOn);

    /// <summary>The review's version in the store, where other servers may have moved it on; null for a store only this server writes to.</summary>
    long? VersionOf(string reviewId);
}

/// <summary>A run of changes to one review, each building on the one before.</summary>
public sealed class ChangeLine
{
    /// <summary>A change on it was not saved, so nothing after it may be.</summary>
    public bool Broken { get; internal set; }

    /// <summary>A change on it was made on a version another server had moved on from: those after it were too.</summary>
    public bool Stale { get; internal set; }
}

/// <summary>Another server changed the review first: the change is made again on the review as it now is.</summary>
public sealed class ChangedElsewhereException() : Exception("Another server changed this review first.");

/// <summary>One line of the audit trail: who (and as what), did what, to which thing, when; for an edit, what it was and became.</summary>
/// <param name="ParticipantId">Their place in the review; for what is not about one review, their account.</param>
/// <param name="Subject">The card, action, person or review it was done to, if one.</param>
public sealed record Activity(
    string ReviewId, string ParticipantId, string Action, DateTimeOffset At, Role? Role = null, string? Subject = null, string? Before = null, string? After = null);
