namespace ReviewRoom.Domain;

/// <summary>What one change to a review touched: what to save, whether the board as a whole or a section's set-up changed, and for an edit, what it was and became.</summary>
public sealed record ReviewChange(ReviewState Saved, bool BoardChanged, IReadOnlyList<SectionState> Sections, Edit? Edit = null);

/// <summary>An edit, for the audit trail: what was changed, as it was and as it became.</summary>
public sealed record Edit(string Subject, string? Before, string? After);
