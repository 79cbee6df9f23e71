namespace ReviewRoom.Reviews;

/// <summary>
/// Tells the people connected to a review about a change that has been saved. A change for one
/// person only (their quiet writing) leaves a gap in everyone else's versions, and a client that
/// sees a gap fetches a fresh snapshot.
/// </summary>
public interface IReviewNotifier
{
    Task CardSavedAsync(string reviewId, CardView card, long version, string? onlyFor);

    Task CardRemovedAsync(string reviewId, string cardId, long version, string? onlyFor);

    Task ActionSavedAsync(string reviewId, ActionView action, long version);

    Task ParticipantsChangedAsync(string reviewId, IReadOnlyList<ParticipantView> participants, long version);

    /// <summary>Ends every live connection a removed participant has to the review.</summary>
    Task ParticipantRemovedAsync(string reviewId, string participantId);

    /// <summary>Something that changes the board as a whole (a section locked, quiet writing revealed): fetch a snapshot.</summary>
    Task BoardChangedAsync(string reviewId, long version);
}
