namespace ReviewRoom.Domain;

/// <summary>
/// A review's own facts, apart from its people, cards and actions: whose it is, when, its sections,
/// and where the meeting has got to. Small whatever the size of the review, so it is saved with every change.
/// </summary>
public sealed class ReviewRecord
{
    public string Id { get; internal set; } = "";

    /// <summary>Which person's record the review belongs to: their reviews, in order, share it.</summary>
    public string PersonId { get; internal set; } = "";

    /// <summary>The person's reference in the organisation's own case system, if any.</summary>
    public string? PersonReference { get; internal set; }

    public string PersonName { get; internal set; } = "";
    public string Title { get; internal set; } = "";

    /// <summary>The language the person chose: their invitations and minutes are in it.</summary>
    public Language Language { get; internal set; }
    public DateOnly Date { get; internal set; }

    /// <summary>The time the meeting starts, in the server's local time, if the facilitator has said.</summary>
    public TimeOnly? StartsAt { get; internal set; }
    public string TemplateId { get; internal set; } = "";
    public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>Goes up by one with every change; clients use it to see they missed nothing.</summary>
    public long Version { get; internal set; }

    /// <summary>The section the facilitator has the room looking at, if any.</summary>
    public string? NowDiscussing { get; internal set; }

    /// <summary>The facilitator's timer, if one is set.</summary>
    public MeetingTimer? Timer { get; internal set; }

    /// <summary>The six digits on the big screen that let people ask to join; null when the facilitator has turned them off.</summary>
    public string? JoinCode { get; internal set; }

    /// <summary>When the join code stops letting anyone ask to join: the end of the day it was made.</summary>
    public DateTimeOffset? JoinCodeUntil { get; internal set; }

    /// <summary>How many wrong codes had been tried anywhere when this code was made; a code wears out after <see cref="Limits.WrongCodesPerCode"/> more.</summary>
    public long JoinCodeFromTry { get; internal set; }

    /// <summary>Where the meeting happens, if the facilitator has said.</summary>
    public string? Place { get; internal set; }

    public DateOnly? NextReviewDate { get; internal set; }

    /// <summary>When the facilitator closed the review: from then on the board is read-only and the minutes are final.</summary>
    public DateTimeOffset? ClosedAt { get; internal set; }

    /// <summary>What the person said of the minutes, once they have; after that the review stays closed.</summary>
    public SignOff? SignOff { get; internal set; }

    /// <summary>How many times the minutes have been sent by e-mail; at most <see cref="Limits.MinutesEmailed"/>.</summary>
    public int MinutesEmailed { get; internal set; }

    /// <summary>The template's sections, copied when the review was made, in order.</summary>
    public IReadOnlyList<Section> Sections { get; internal set; } = [];

    /// <summary>How the facilitator has set each section up, one for each section.</summary>
    public IReadOnlyList<SectionState> States { get; internal set; } = [];

    /// <summary>Those who could not come, with any written contribution they sent.</summary>
    public IReadOnlyList<Apology> Apologies { get; internal set; } = [];
}
