using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Reviews;

/// <summary>
/// What one person in the room may see of a review at one version: the first paint of the board,
/// the snapshot a client catches up from, and (seen by nobody in particular) the minutes.
/// Never holds token hashes, deleted cards, or someone else's quiet writing.
/// </summary>
public sealed record BoardSnapshot(
    string ReviewId,
    string PersonName,
    string Title,
    DateOnly Date,
    long Version,
    string? NowDiscussing,
    string? JoinCode,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<ParticipantView> Participants,
    DateTimeOffset? ClosedAt = null,
    SignOff? SignOff = null,
    string? Place = null,
    DateOnly? NextReviewDate = null,
    IReadOnlyList<Apology>? Apologies = null,
    string PersonId = "",
    Language Language = Language.English,
    TimeOnly? StartsAt = null,
    TimerView? Timer = null)
{
    public bool IsClosed => ClosedAt is not null;

    /// <param name="viewerId">Whose board this is; null for the minutes, which show every card.</param>
    /// <param name="due">The words for an action's date, such as "due in 3 weeks".</param>
    /// <param name="now">For a board that shows the join code: the code only until its day is over.</param>
    public static BoardSnapshot Of(Review review, string? viewerId, Func<DateOnly, string> due, DateTimeOffset? now = null) => new(
        review.Id,
        review.PersonName,
        review.Title,
        review.Date,
        review.Version,
        review.NowDiscussing,
        now is { } at ? review.JoinCodeAt(at) : review.JoinCode,
        [.. review.Sections.Select(s => SectionView.Of(review, s, viewerId, due))],
        ParticipantView.InReview(review),
        review.ClosedAt,
        review.SignOff,
        review.Place,
        review.NextReviewDate,
        review.Apologies,
        review.PersonId,
        review.Language,
        review.StartsAt,
        now is { } then ? TimerView.Of(review.Timer, then) : null);
}

public sealed record SectionView(
    string Id, SectionKind Kind, string Heading, string Prompt, IReadOnlyList<string> Options,
    bool Locked, bool QuietWriting, int? Chosen, string? AgreedBy,
    IReadOnlyList<CardView> Cards, IReadOnlyList<ActionView> Actions)
{
    public static SectionView Of(Review review, Section section, string? viewerId, Func<DateOnly, string> due)
    {
        var state = review.StateOf(section.Id);
        var language = Languages.Current;
        return new(section.Id, section.Kind, section.Heading.In(language), section.Prompt.In(language), [.. section.Options.Select(o => o.In(language))],
            state.Locked, state.QuietWriting, state.Chosen, state.AgreedBy,
            [.. review.CardsIn(section.Id, viewerId).Select(c => CardView.Of(review, c))],
            [.. review.ActionsIn(section.Id).Select(a => ActionView.Of(a, due))]);
    }
}

public sealed record CardView(
    string Id, string SectionId, string Text, string AuthorId, string AuthorName, string AuthorRelationship,
    string? Perspective, bool? Working, string? SaidBy, string? FindOutBy, bool Quiet, bool KeptOutOfMinutes, bool SentBeforeMeeting = false, string? EditedBy = null,
    IReadOnlyList<Answer>? Answers = null)
{
    /// <summary>No card: what the page's card template is drawn from.</summary>
    public static readonly CardView Blank = new("", "", "", "", "", "", null, null, null, null, false, false);

    public static CardView Of(Review review, Card card)
    {
        var author = review.Author(card.AuthorId);
        // A grid's perspective is known by its English words, and shown in the reader's language.
        var section = review.FindSection(card.SectionId);
        var perspective = card.Cell is { } cell ? section?.Option(cell.Perspective)?.In(Languages.Current) ?? cell.Perspective : null;
        return new(card.Id, card.SectionId, card.Text, author.Id, author.Name, author.Relationship,
            perspective, card.Cell?.Working, card.SaidBy, card.FindOutBy, card.Quiet, card.KeptOutOfMinutes, card.SentBeforeMeeting,
            card.EditedBy is { } editor ? review.Author(editor).Name : null,
            section is not null && section.Kind.AnswersAfterText(section.Options.Count) > 0 ? AnswersOf(section, card) : null);
    }

    /// <summary>A chart's card: each column's name in the reader's language, with what it says there (the first is the card's words).</summary>
    private static Answer[] AnswersOf(Section section, Card card) =>
        [.. section.Options.Select((column, i) => new Answer(column.In(Languages.Current), i == 0 ? card.Text : card.Answers.ElementAtOrDefault(i - 1) ?? ""))];
}

/// <summary>One column of a chart's card: its name, and what the card says under it ("" for nothing yet).</summary>
public sealed record Answer(string Column, string Text);

public sealed record ActionView(string Id, string SectionId, string What, string Owner, DateOnly Due, string DueOn, string DueInWords, ActionStatus Status, string AuthorId,
    bool CarriedOver = false, string? Note = null)
{
    /// <summary>No action: what the page's action template is drawn from.</summary>
    public static readonly ActionView Blank = new("", "", "", "", default, "", "", ActionStatus.Open, "");

    public static ActionView Of(ActionItem action, Func<DateOnly, string> due) =>
        new(action.Id, action.SectionId, action.What, action.Owner, action.Due, Languages.LongDate(action.Due),
            due(action.Due), action.Status, action.AuthorId, action.CarriedOver, action.Note);
}

/// <param name="Removed">Only ever true in a delta: this person has left the review (removed, or turned away from the lobby).</param>
public sealed record ParticipantView(string Id, string Name, string Relationship, Role Role, bool HasJoined, bool Waiting, bool MayReadMinutes = false, bool Removed = false)
{
    public static ParticipantView Of(Participant participant) =>
        new(participant.Id, participant.Name, participant.Relationship, participant.Role, participant.JoinedAt is not null, participant.Waiting, participant.MayReadMinutes, participant.Removed);

    public static IReadOnlyList<ParticipantView> InReview(Review review) => [.. review.Participants.Where(p => !p.Removed).Select(Of)];
}

public enum TimerState
{
    Off,
    Running,
    Paused,
}

/// <summary>The facilitator's timer as a page shows it: never null, so that "off" reaches a page too.</summary>
public sealed record TimerView(TimerState State, int SecondsLeft)
{
    public static TimerView Of(MeetingTimer? timer, DateTimeOffset now) =>
        timer is null ? new(TimerState.Off, 0) : new(timer.Running ? TimerState.Running : TimerState.Paused, timer.SecondsLeftAt(now));
}
