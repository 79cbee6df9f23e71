using System.Text.Json.Serialization;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Reviews;

/// <summary>
/// What one saved change means for the people in the room. Everyone gets one delta per version, in
/// their own language: the author of quiet writing gets theirs with their own unrevealed cards in it,
/// everyone else the one without; so a client that sees a version missing knows it missed something.
/// </summary>
/// <param name="LeftTheRoom">Participants whose open pages lose the review now: removed, turned away, or no longer allowed in once it closed.</param>
public sealed record RoomDelta(string ReviewId, IReadOnlyList<SpokenDelta> InEachLanguage, IReadOnlyList<string> LeftTheRoom);

/// <summary>The change as it reads in one language.</summary>
/// <param name="ForAuthors">By participant id: the delta for someone whose quiet writing changed.</param>
public sealed record SpokenDelta(Language Language, BoardDelta ForEveryone, IReadOnlyDictionary<string, BoardDelta> ForAuthors);

/// <summary>
/// A change as a client applies it to its board: only what changed, with the review's new version.
/// Its parts have the names and shapes of the same parts of <see cref="BoardSnapshot"/>.
/// </summary>
public sealed record BoardDelta(long Version)
{
    /// <summary>Cards added or changed.</summary>
    public IReadOnlyList<CardView>? Cards { get; init; }

    /// <summary>Ids of cards that left the board (deleted, or moved out of sight).</summary>
    public IReadOnlyList<string>? RemovedCards { get; init; }

    public IReadOnlyList<ActionView>? Actions { get; init; }

    /// <summary>The people this change touched; someone who left the review comes marked <see cref="ParticipantView.Removed"/>.</summary>
    public IReadOnlyList<ParticipantView>? Participants { get; init; }

    /// <summary>Sections whose set-up changed: locked, quiet writing, the statement chosen.</summary>
    public IReadOnlyList<SectionStateView>? Sections { get; init; }

    /// <summary>The board as a whole, when any of it changed.</summary>
    public BoardFacts? Board { get; init; }
}

public sealed record SectionStateView(string Id, bool Locked, bool QuietWriting, int? Chosen, string? AgreedBy)
{
    public static SectionStateView Of(SectionState state) => new(state.SectionId, state.Locked, state.QuietWriting, state.Chosen, state.AgreedBy);
}

/// <summary>
/// The board as a whole. Sent whole whenever any of it changes, so what is now empty is sent as
/// empty (null), not left out as the rest of a delta's unchanged parts are: a page takes all of it.
/// </summary>
public sealed record BoardFacts(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NowDiscussing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? JoinCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Place,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? NextReviewDate,
    IReadOnlyList<Apology> Apologies,
    bool IsClosed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] SignOff? SignOff,
    TimerView Timer)
{
    public static BoardFacts Of(Review review, DateTimeOffset now) =>
        new(review.NowDiscussing, review.JoinCodeAt(now), review.Place, review.NextReviewDate, review.Apologies, review.IsClosed, review.SignOff, TimerView.Of(review.Timer, now));
}

/// <summary>Turns what a change touched into what each person in the room is sent.</summary>
public sealed class RoomDeltas(DueDates dueDates, TimeProvider clock)
{
    public RoomDelta Of(Review review, ReviewChange change)
    {
        var leaving = change.BoardChanged && review.IsClosed
            ? review.Participants.Where(p => !p.Removed && review.FindInRoom(p.Id) is null)
            : change.Saved.Participants.Where(p => p.Removed);
        return new RoomDelta(review.Id, [.. Languages.All.Select(l => Languages.SaidIn(l, () => In(l, review, change)))], [.. leaving.Select(p => p.Id)]);
    }

    private SpokenDelta In(Language language, Review review, ReviewChange change)
    {
        var saved = change.Saved;
        var version = saved.Record.Version;
        var seenByAll = saved.Cards.Where(c => !c.Quiet).ToList();
        var everyone = new BoardDelta(version)
        {
            Cards = NullIfEmpty([.. seenByAll.Where(c => !c.Deleted).Select(c => CardView.Of(review, c))]),
            RemovedCards = NullIfEmpty([.. seenByAll.Where(c => c.Deleted).Select(c => c.Id)]),
            Actions = NullIfEmpty([.. saved.Actions.Where(a => !a.Deleted).Select(a => ActionView.Of(a, dueDates.InWords))]),
            Participants = NullIfEmpty([.. saved.Participants.Select(ParticipantView.Of)]),
            Sections = NullIfEmpty([.. change.Sections.Select(SectionStateView.Of)]),
            Board = change.BoardChanged ? BoardFacts.Of(review, clock.GetUtcNow()) : null,
        };
        var forAuthors = saved.Cards.Where(c => c.Quiet).GroupBy(c => c.AuthorId).ToDictionary(
            quiet => quiet.Key,
            quiet => everyone with
            {
                Cards = NullIfEmpty([.. everyone.Cards ?? [], .. quiet.Where(c => !c.Deleted).Select(c => CardView.Of(review, c))]),
                RemovedCards = NullIfEmpty([.. everyone.RemovedCards ?? [], .. quiet.Where(c => c.Deleted).Select(c => c.Id)]),
            });
        return new SpokenDelta(language, everyone, forAuthors);
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(IReadOnlyList<T> items) => items.Count > 0 ? items : null;
}
