namespace ReviewRoom.Domain;

/// <summary>Something someone said, on the board. Deleting only hides it, so it can be undone.</summary>
public sealed class Card(string id, string authorId, string operationId, DateTimeOffset addedAt)
{
    public string Id { get; } = id;

    /// <summary>Where it comes in the review, counted from 1 in the order they were added.</summary>
    public int Number { get; internal set; }

    public string AuthorId { get; } = authorId;

    /// <summary>The client's id for the change that added this card, so a retried send adds it once.</summary>
    public string OperationId { get; } = operationId;

    public DateTimeOffset AddedAt { get; } = addedAt;
    public string SectionId { get; internal set; } = "";
    public string Text { get; internal set; } = "";

    /// <summary>In a chart: the answers under its other columns, in order; the first column's is <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Answers { get; internal set; } = [];

    /// <summary>How much of the board's text it takes: its words and its answers.</summary>
    internal int Length => Text.Length + Answers.Sum(a => a.Length);

    /// <summary>All it says, as one text, for the audit trail.</summary>
    internal string AllWords => Answers.Count == 0 ? Text : string.Join("\n", [Text, .. Answers]);

    /// <summary>Where it sits in a grid or a ring; null in a section that is one list.</summary>
    public GridCell? Cell { get; internal set; }

    /// <summary>Whose words these are, when someone typed them on another's behalf.</summary>
    public string? SaidBy { get; internal set; }

    /// <summary>For a question: who will find out.</summary>
    public string? FindOutBy { get; internal set; }

    /// <summary>Written during quiet writing and not yet revealed: only its author sees it.</summary>
    public bool Quiet { get; internal set; }

    public bool Deleted { get; internal set; }

    /// <summary>Added before the meeting began, by someone sending their views ahead (who may not be able to come).</summary>
    public bool SentBeforeMeeting { get; internal set; }

    /// <summary>Who last changed its words, when it was not its author: the board and the minutes say so.</summary>
    public string? EditedBy { get; internal set; }

    /// <summary>The person chose to leave this out of the minutes; it stays on the board, marked.</summary>
    public bool KeptOutOfMinutes { get; internal set; }
}

/// <summary>Where a card sits among its section's options: a grid's perspective, working or not working; or a ring, with no column.</summary>
public sealed record GridCell(string Perspective, bool? Working);

/// <summary>What someone asks to put on the board; checked by <see cref="Review.AddCard"/>.</summary>
/// <param name="Answers">For a chart: the answers under its columns after the first; null on an edit keeps those the card has.</param>
public sealed record CardDraft(string? SectionId, string? Text, string? Perspective = null, bool? Working = null, string? SaidBy = null, string? FindOutBy = null,
    IReadOnlyList<string?>? Answers = null);
