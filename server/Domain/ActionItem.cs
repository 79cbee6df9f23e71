namespace ReviewRoom.Domain;

public enum ActionStatus
{
    Open,
    Done,
    PartlyDone,
    NotDone,
    Dropped,
}

/// <summary>What will be done, by a named person (never "the team"), by a date.</summary>
public sealed class ActionItem(string id, string sectionId, string authorId, string operationId, DateTimeOffset addedAt)
{
    public string Id { get; } = id;

    /// <summary>Where it comes in the review, counted from 1 in the order they were added.</summary>
    public int Number { get; internal set; }

    public string SectionId { get; } = sectionId;
    public string AuthorId { get; } = authorId;
    public string OperationId { get; } = operationId;
    public DateTimeOffset AddedAt { get; } = addedAt;
    public string What { get; internal set; } = "";

    /// <summary>The owner's name as shown: a participant's, or any name typed in.</summary>
    public string Owner { get; internal set; } = "";

    public DateOnly Due { get; internal set; }
    public ActionStatus Status { get; internal set; }
    public bool Deleted { get; internal set; }

    /// <summary>Brought from the last review, to be marked done, partly done, not done or dropped.</summary>
    public bool CarriedOver { get; internal set; }

    /// <summary>What was said about how it went.</summary>
    public string? Note { get; internal set; }
}

public sealed record ActionDraft(string? SectionId, string? What, string? Owner, DateOnly? Due);
