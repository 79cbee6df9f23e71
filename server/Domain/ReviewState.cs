namespace ReviewRoom.Domain;

/// <summary>
/// A review as one state, the shape it is saved and restored in: the record and every participant,
/// card and action. <see cref="Review.TakeChanges"/> gives the same shape holding only what one change touched.
/// </summary>
public sealed record ReviewState(ReviewRecord Record, IReadOnlyList<Participant> Participants, IReadOnlyList<Card> Cards, IReadOnlyList<ActionItem> Actions);
