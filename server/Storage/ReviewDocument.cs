using ReviewRoom.Accounts;
using ReviewRoom.Domain;

namespace ReviewRoom.Storage;

// The saved shape of a review. Kept apart from the domain so LiteDB's mapper never shapes the aggregate.
// Times are stored as UTC ticks: LiteDB would otherwise hand DateTimes back in local time.
internal sealed class ReviewDocument
{
    public string Id { get; set; } = "";
    public string PersonName { get; set; } = "";
    public string? PersonId { get; set; }
    public string? PersonReference { get; set; }
    public string Title { get; set; } = "";
    public int Date { get; set; }
    public string TemplateId { get; set; } = "";
    public long CreatedAt { get; set; }
    public long Version { get; set; }
    public string? NowDiscussing { get; set; }
    public string? JoinCode { get; set; }
    public long? ClosedAt { get; set; }
    public bool? SignOffAgrees { get; set; }
    public string? SignOffReason { get; set; }
    public long? SignedOffAt { get; set; }
    public string? Place { get; set; }
    public int? NextReview { get; set; }
    public List<ApologyDocument> Apologies { get; set; } = [];
    public List<SectionDocument> Sections { get; set; } = [];
    public List<ParticipantDocument> Participants { get; set; } = [];
    public List<CardDocument> Cards { get; set; } = [];
    public List<ActionDocument> Actions { get; set; } = [];

    public static ReviewDocument From(Review review) => new()
    {
        Id = review.Id,
        PersonName = review.PersonName,
        PersonId = review.PersonId,
        PersonReference = review.PersonReference,
        Title = review.Title,
        Date = review.Date.DayNumber,
        TemplateId = review.TemplateId,
        CreatedAt = review.CreatedAt.UtcTicks,
        Version = review.Version,
        NowDiscussing = review.NowDiscussing,
        JoinCode = review.JoinCode,
        ClosedAt = review.ClosedAt?.UtcTicks,
        SignOffAgrees = review.SignOff?.Agrees,
        SignOffReason = review.SignOff?.Reason,
        SignedOffAt = review.SignOff?.At.UtcTicks,
        Place = review.Place,
        NextReview = review.NextReviewDate?.DayNumber,
        Apologies = [.. review.Apologies.Select(a => new ApologyDocument { Id = a.Id, Name = a.Name, Relationship = a.Relationship, Contribution = a.Contribution })],
        Sections = [.. review.Sections.Select(s =>
        {
            var state = review.StateOf(s.Id);
            return new SectionDocument
            {
                Id = s.Id,
                Kind = s.Kind.ToString(),
                Heading = s.Heading,
                Prompt = s.Prompt,
                Options = [.. s.Options],
                Locked = state.Locked,
                QuietWriting = state.QuietWriting,
                Chosen = state.Chosen,
                AgreedBy = state.AgreedBy,
            };
        })],
        Participants = [.. review.Participants.Select(p => new ParticipantDocument
        {
            Id = p.Id,
            Name = p.Name,
            Relationship = p.Relationship,
            Role = p.Role.ToString(),
            InvitationTokenHash = p.InvitationTokenHash,
            InvitedAt = p.InvitedAt.UtcTicks,
            JoinedAt = p.JoinedAt?.UtcTicks,
            AccountId = p.AccountId,
            ExpiresAt = p.ExpiresAt?.UtcTicks,
            Removed = p.Removed,
            Waiting = p.Waiting,
            MayReadMinutes = p.MayReadMinutes,
        })],
        Cards = [.. review.Cards.Select(c => new CardDocument
        {
            Id = c.Id,
            SectionId = c.SectionId,
            Text = c.Text,
            AuthorId = c.AuthorId,
            OperationId = c.OperationId,
            AddedAt = c.AddedAt.UtcTicks,
            Perspective = c.Cell?.Perspective,
            Working = c.Cell?.Working,
            SaidBy = c.SaidBy,
            FindOutBy = c.FindOutBy,
            Quiet = c.Quiet,
            Deleted = c.Deleted,
            KeptOutOfMinutes = c.KeptOutOfMinutes,
        })],
        Actions = [.. review.Actions.Select(a => new ActionDocument
        {
            Id = a.Id,
            SectionId = a.SectionId,
            AuthorId = a.AuthorId,
            OperationId = a.OperationId,
            AddedAt = a.AddedAt.UtcTicks,
            What = a.What,
            Owner = a.Owner,
            Due = a.Due.DayNumber,
            Status = a.Status.ToString(),
            Deleted = a.Deleted,
            CarriedOver = a.CarriedOver,
            Note = a.Note,
        })],
    };

    public Review ToReview()
    {
        var review = Restore();
        review.RestoreJoinCode(JoinCode);
        // Reviews saved before people had records are each their own person.
        review.RestorePerson(PersonId ?? Id, PersonReference);
        review.RestoreRecord(
            ClosedAt is { } closed ? Utc(closed) : null,
            SignOffAgrees is { } agrees && SignedOffAt is { } signed ? new SignOff(agrees, SignOffReason, Utc(signed)) : null,
            Place,
            NextReview is { } next ? DateOnly.FromDayNumber(next) : null,
            Apologies.Select(a => new Apology(a.Id, a.Name, a.Relationship, a.Contribution)));
        return review;
    }

    private Review Restore() => Review.Restore(
        Id,
        new ReviewDetails(PersonName, Title, DateOnly.FromDayNumber(Date)),
        TemplateId,
        Utc(CreatedAt),
        Version,
        NowDiscussing,
        Sections.Select(s => new Section(s.Id, Enum.Parse<SectionKind>(s.Kind), s.Heading, s.Prompt, s.Options)),
        Participants.Select(p => new Participant(p.Id, p.Name, p.Relationship, Enum.Parse<Role>(p.Role), p.InvitationTokenHash, Utc(p.InvitedAt),
            p.ExpiresAt is { } expires ? Utc(expires) : null)
        {
            Removed = p.Removed,
            Waiting = p.Waiting,
            MayReadMinutes = p.MayReadMinutes,
            JoinedAt = p.JoinedAt is { } joined ? Utc(joined) : null,
            AccountId = p.AccountId,
        }),
        Cards.Select(c => new Card(c.Id, c.AuthorId, c.OperationId, Utc(c.AddedAt))
        {
            SectionId = c.SectionId,
            Text = c.Text,
            Cell = c.Perspective is null || c.Working is null ? null : new GridCell(c.Perspective, c.Working.Value),
            SaidBy = c.SaidBy,
            FindOutBy = c.FindOutBy,
            Quiet = c.Quiet,
            Deleted = c.Deleted,
            KeptOutOfMinutes = c.KeptOutOfMinutes,
        }),
        Actions.Select(a => new ActionItem(a.Id, a.SectionId, a.AuthorId, a.OperationId, Utc(a.AddedAt))
        {
            What = a.What,
            Owner = a.Owner,
            Due = DateOnly.FromDayNumber(a.Due),
            Status = Enum.Parse<ActionStatus>(a.Status),
            CarriedOver = a.CarriedOver,
            Note = a.Note,
            Deleted = a.Deleted,
        }),
        Sections.ToDictionary(s => s.Id, s => new SectionState { Locked = s.Locked, QuietWriting = s.QuietWriting, Chosen = s.Chosen, AgreedBy = s.AgreedBy }));

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}

internal sealed class SectionDocument
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Heading { get; set; } = "";
    public string Prompt { get; set; } = "";
    public List<string> Options { get; set; } = [];
    public bool Locked { get; set; }
    public bool QuietWriting { get; set; }
    public int? Chosen { get; set; }
    public string? AgreedBy { get; set; }
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
    public string? AccountId { get; set; }
    public long? ExpiresAt { get; set; }
    public bool Removed { get; set; }
    public bool Waiting { get; set; }
    public bool MayReadMinutes { get; set; }
}

internal sealed class CardDocument
{
    public string Id { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string Text { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string OperationId { get; set; } = "";
    public long AddedAt { get; set; }
    public string? Perspective { get; set; }
    public bool? Working { get; set; }
    public string? SaidBy { get; set; }
    public string? FindOutBy { get; set; }
    public bool Quiet { get; set; }
    public bool Deleted { get; set; }
    public bool KeptOutOfMinutes { get; set; }
}

internal sealed class ActionDocument
{
    public string Id { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string OperationId { get; set; } = "";
    public long AddedAt { get; set; }
    public string What { get; set; } = "";
    public string Owner { get; set; } = "";
    public int Due { get; set; }
    public string Status { get; set; } = "";
    public bool Deleted { get; set; }
    public bool CarriedOver { get; set; }
    public string? Note { get; set; }
}

internal sealed class AccountDocument
{
    public string Id { get; set; } = "";
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsAdministrator { get; set; }
    public long CreatedAt { get; set; }
    public string PasswordHash { get; set; } = "";
    public int FailedSignIns { get; set; }
    public long? LockedUntil { get; set; }
    public bool Removed { get; set; }

    public static AccountDocument From(FacilitatorAccount a) => new()
    {
        Id = a.Id,
        Email = a.Email,
        Name = a.Name,
        IsAdministrator = a.IsAdministrator,
        CreatedAt = a.CreatedAt.UtcTicks,
        PasswordHash = a.PasswordHash,
        FailedSignIns = a.FailedSignIns,
        LockedUntil = a.LockedUntil?.UtcTicks,
        Removed = a.Removed,
    };

    public FacilitatorAccount ToAccount() => new(Id, Email, Name, IsAdministrator, new DateTimeOffset(CreatedAt, TimeSpan.Zero))
    {
        PasswordHash = PasswordHash,
        FailedSignIns = FailedSignIns,
        LockedUntil = LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
        Removed = Removed,
    };
}

internal sealed class ApologyDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Relationship { get; set; } = "";
    public string? Contribution { get; set; }
}

/// <summary>Finds a review from the code on its big screen.</summary>
internal sealed class JoinCodeDocument
{
    public string Id { get; set; } = "";
    public string ReviewId { get; set; } = "";
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
