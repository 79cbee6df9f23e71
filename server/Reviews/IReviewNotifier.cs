namespace ReviewRoom.Reviews;

/// <summary>Tells everyone connected to a review about a change that has been saved.</summary>
public interface IReviewNotifier
{
    Task CardAddedAsync(string reviewId, CardView card, long version);

    Task ParticipantsChangedAsync(string reviewId, IReadOnlyList<ParticipantView> participants, long version);
}
