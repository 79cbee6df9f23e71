using ReviewRoom.Domain;

namespace ReviewRoom.Storage;

// The saved shape of a review. Kept apart from the domain so LiteDB's mapper never shapes the aggregate.
// Times are stored as UTC ticks: LiteDB would otherwise hand DateTimes back in local time.
internal sealed class ReviewDocument
{
    public string Id { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string Title { get; set; } = "";
    public int Date { get; set; }
    public string TemplateId { get; set; } = "";
    public long CreatedAt { get; set; }
    public long Version { get; set; }
    public List<SectionDocument> Sections { get; set; } = [];
    public List<ParticipantDocument> Participants { get; set; } = [];
    public List<CardDocument> Cards { get; set; } = [];

    public static ReviewDocument From(Review review) => new()
    {
        Id = review.Id,
        PersonName = review.PersonName,
        Title = review.Title,
        Date = review.Date.DayNumber,
        TemplateId = review.TemplateId,
        CreatedAt = review.CreatedAt.UtcTicks,
        Version = review.Version,
        Sections = [.. review.Sections.Select(s => new SectionDocument { Id = s.Id, Kind = s.Kind.ToString(), Heading = s.Heading, Prompt = s.Prompt })],
        Participants = [.. review.Participants.Select(p => new ParticipantDocument
        {
            Id = p.Id,
            Name = p.Name,
            Relationship = p.Relationship,
            Role = p.Role.ToString(),
            InvitationTokenHash = p.InvitationTokenHash,
            InvitedAt = p.InvitedAt.UtcTicks,
            JoinedAt = p.JoinedAt?.UtcTicks,
        })],
        Cards = [.. review.Cards.Select(c => new CardDocument
        {
            Id = c.Id,
            SectionId = c.SectionId,
            Text = c.Text,
            AuthorId = c.AuthorId,
            OperationId = c.OperationId,
            AddedAt = c.AddedAt.UtcTicks,
        })],
    };

    public Review ToReview() => Review.Restore(
        Id,
        new ReviewDetails(PersonName, Title, DateOnly.FromDayNumber(Date)),
        TemplateId,
        Utc(CreatedAt),
        Version,
        Sections.Select(s => new Section(s.Id, Enum.Parse<SectionKind>(s.Kind), s.Heading, s.Prompt)),
        Participants.Select(p => new Participant(p.Id, p.Name, p.Relationship, Enum.Parse<Role>(p.Role), p.InvitationTokenHash, Utc(p.InvitedAt))
        {
            JoinedAt = p.JoinedAt is { } joined ? Utc(joined) : null,
        }),
        Cards.Select(c => new Card(c.Id, c.SectionId, c.Text, c.AuthorId, c.OperationId, Utc(c.AddedAt))));

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}

internal sealed class SectionDocument
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Prompt { get; set; } = "";
}

internal sealed class ParticipantDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Relationship { get; set; } = "";
    public string Role { get; set; } = "";
    public string? InvitationTokenHash { get; set; }
    public long InvitedAt { get; set; }
    public long? JoinedAt { get; set; }
}

internal sealed class CardDocument
{
    public string Id { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string OperationId { get; set; } = "";
    public long AddedAt { get; set; }
}

/// <summary>Finds a review from an invitation without scanning every review.</summary>
internal sealed class InvitationDocument
{
    public string Id { get; set; } = "";
    public string ReviewId { get; set; } = "";
}

/// <summary>The audit trail: who did what to which review, and when. Never the words themselves.</summary>
internal sealed class ActivityDocument
{
    public long Id { get; set; }
    public string ReviewId { get; set; } = "";
    public string ParticipantId { get; set; } = "";
    public string Action { get; set; } = "";
    public long At { get; set; }
}
