using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

/// <summary>What the server tells the browsers in a review. Every change carries the review's new version.</summary>
public interface IReviewClient
{
    Task CardSaved(CardView card, long version);

    Task CardRemoved(string cardId, long version);

    Task ActionSaved(ActionView action, long version);

    Task ParticipantsChanged(IReadOnlyList<ParticipantView> participants, long version);

    Task BoardChanged(long version);

    Task PresenceChanged(IReadOnlyList<string> participantIdsHere);
}
