using ReviewRoom.Domain;

namespace ReviewRoom.Reviews;

/// <summary>Where reviews are kept. Narrow on purpose, so another engine can stand in for LiteDB.</summary>
public interface IReviewStore
{
    Review? Find(string reviewId);

    string? FindReviewIdByInvitation(string tokenHash);

    /// <summary>The review that last showed this join code; check the review still shows it.</summary>
    string? FindReviewIdByJoinCode(string code);

    /// <summary>The reviews that name this account, including any it has since been removed from.</summary>
    IReadOnlyList<Review> FindRunBy(string accountId);

    /// <summary>Every review of one person, whoever runs them.</summary>
    IReadOnlyList<Review> FindReviewsOf(string personId);

    /// <summary>Deletes reviews and all that points at them, keeping only the given record that they were deleted; no copy of the content stays in the file.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> reviewIds, Activity deletion);

    /// <summary>Completes once the review and its activity entry are safely on disk.</summary>
    Task SaveAsync(Review review, Activity activity);
}

/// <summary>One line of the audit trail.</summary>
public sealed record Activity(string ReviewId, string ParticipantId, string Action, DateTimeOffset At);
