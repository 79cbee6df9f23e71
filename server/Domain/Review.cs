namespace ReviewRoom.Domain;

/// <summary>
/// The aggregate: one meeting about one person. Every change goes through a method here that
/// checks the caller's place in the review and the rules, and moves the version on by one.
/// </summary>
public sealed class Review
{
    private readonly List<Section> _sections;
    private readonly List<Participant> _participants;
    private readonly List<Card> _cards;

    private Review(string id, ReviewDetails details, string templateId, DateTimeOffset createdAt, long version,
        List<Section> sections, List<Participant> participants, List<Card> cards)
    {
        Id = id;
        PersonName = details.PersonName;
        Title = details.Title;
        Date = details.Date;
        TemplateId = templateId;
        CreatedAt = createdAt;
        Version = version;
        _sections = sections;
        _participants = participants;
        _cards = cards;
    }

    public string Id { get; }
    public string PersonName { get; }
    public string Title { get; }
    public DateOnly Date { get; }
    public string TemplateId { get; }
    public DateTimeOffset CreatedAt { get; }
    public long Version { get; private set; }
    public IReadOnlyList<Section> Sections => _sections;
    public IReadOnlyList<Participant> Participants => _participants;
    public IReadOnlyList<Card> Cards => _cards;

    /// <summary>A new review from what the facilitator entered; every mistake in it is reported at once.</summary>
    public static Review Create(string? personName, string? title, DateOnly? date, ReviewTemplate? template, string? facilitatorName, string facilitatorRelationship, DateTimeOffset now)
    {
        var check = new RuleCheck();
        var person = check.Line(personName, Limits.PersonNameLength, ReviewError.PersonNameMissing, ReviewError.PersonNameTooLong);
        var cleanTitle = check.Line(title, Limits.TitleLength, ReviewError.TitleMissing, ReviewError.TitleTooLong);
        check.Require(date is not null, ReviewError.DateMissing);
        check.Require(template is not null, ReviewError.TemplateMissing);
        var name = check.Line(facilitatorName, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        check.ThrowIfBroken();

        var sections = template!.Sections
            .Select(s => new Section(s.Id, s.Kind, ForPerson(s.Heading, person), ForPerson(s.Prompt, person)))
            .ToList();
        var facilitator = new Participant(NewId(), name, facilitatorRelationship, Role.Facilitator, null, now) { JoinedAt = now };
        return new Review(NewId(), new ReviewDetails(person, cleanTitle, date!.Value), template.Id, now, 1, sections, [facilitator], []);
    }

    /// <summary>Rebuilds a saved review; only storage calls this.</summary>
    internal static Review Restore(string id, ReviewDetails details, string templateId, DateTimeOffset createdAt, long version,
        IEnumerable<Section> sections, IEnumerable<Participant> participants, IEnumerable<Card> cards) =>
        new(id, details, templateId, createdAt, version, [.. sections], [.. participants], [.. cards]);

    public Participant Facilitator => _participants.First(p => p.Role == Role.Facilitator);

    public Participant? FindParticipant(string? participantId) => _participants.Find(p => p.Id == participantId);

    public Participant? FindInvitation(string tokenHash) =>
        _participants.Find(p => p.InvitationTokenHash is not null && p.InvitationTokenHash == tokenHash);

    public Participant Member(string participantId) =>
        FindParticipant(participantId) ?? throw new ReviewRuleException(ReviewError.NotAMember);

    public IEnumerable<Card> CardsIn(string sectionId) => _cards.Where(c => c.SectionId == sectionId);

    /// <summary>Adds a card, or returns the card this operation already added (a retried send).</summary>
    public Card AddCard(string participantId, string sectionId, string? text, string operationId, DateTimeOffset now)
    {
        var author = Member(participantId);
        if (_cards.Find(c => c.OperationId == operationId && c.AuthorId == author.Id) is { } already)
        {
            return already;
        }

        var check = new RuleCheck();
        check.Require(_sections.Exists(s => s.Id == sectionId), ReviewError.SectionNotFound);
        var cardText = check.Text(text, Limits.CardLength, ReviewError.CardEmpty, ReviewError.CardTooLong);
        check.ThrowIfBroken();

        var card = new Card(NewId(), sectionId, cardText, author.Id, operationId, now);
        _cards.Add(card);
        Version++;
        return card;
    }

    public Participant Invite(string participantId, string? name, string? relationship, string invitationTokenHash, DateTimeOffset now)
    {
        if (Member(participantId).Role != Role.Facilitator)
        {
            throw new ReviewRuleException(ReviewError.FacilitatorOnly);
        }

        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        var cleanRelationship = check.Line(relationship, Limits.RelationshipLength, ReviewError.RelationshipMissing, ReviewError.RelationshipTooLong);
        check.ThrowIfBroken();

        var invitee = new Participant(NewId(), cleanName, cleanRelationship, Role.Contributor, invitationTokenHash, now);
        _participants.Add(invitee);
        Version++;
        return invitee;
    }

    /// <summary>Records the first time an invitee comes in; later visits change nothing.</summary>
    public bool Join(string participantId, DateTimeOffset now)
    {
        var participant = Member(participantId);
        if (participant.JoinedAt is not null)
        {
            return false;
        }

        participant.JoinedAt = now;
        Version++;
        return true;
    }

    private static string ForPerson(string text, string personName) => text.Replace("{person}", personName, StringComparison.Ordinal);

    private static string NewId() => Guid.NewGuid().ToString("N");
}
