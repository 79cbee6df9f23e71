using ReviewRoom.Domain;

namespace ReviewRoom.Reviews;

/// <summary>
/// What everyone in the room may see of a review at one version: the first paint of the board,
/// the snapshot a client catches up from, and the input to the minutes. Never holds token hashes.
/// </summary>
public sealed record BoardSnapshot(
    string ReviewId,
    string PersonName,
    string Title,
    DateOnly Date,
    long Version,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<ParticipantView> Participants)
{
    public static BoardSnapshot Of(Review review) => new(
        review.Id,
        review.PersonName,
        review.Title,
        review.Date,
        review.Version,
        [.. review.Sections.Select(s => new SectionView(s.Id, s.Kind, s.Heading, s.Prompt, [.. review.CardsIn(s.Id).Select(c => CardView.Of(review, c))]))],
        [.. review.Participants.Select(ParticipantView.Of)]);
}

public sealed record SectionView(string Id, SectionKind Kind, string Heading, string Prompt, IReadOnlyList<CardView> Cards);

public sealed record CardView(string Id, string SectionId, string Text, string AuthorId, string AuthorName, string AuthorRelationship)
{
    public static CardView Of(Review review, Card card)
    {
        var author = review.Member(card.AuthorId);
        return new(card.Id, card.SectionId, card.Text, author.Id, author.Name, author.Relationship);
    }
}

public sealed record ParticipantView(string Id, string Name, string Relationship, Role Role, bool HasJoined)
{
    public static ParticipantView Of(Participant participant) =>
        new(participant.Id, participant.Name, participant.Relationship, participant.Role, participant.JoinedAt is not null);
}
