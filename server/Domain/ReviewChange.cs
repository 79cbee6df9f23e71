namespace ReviewRoom.Domain;

/// <summary>What one change to a review touched: what to save, and whether the board as a whole or a section's set-up changed.</summary>
public sealed record ReviewChange(ReviewState Saved, bool BoardChanged, IReadOnlyList<SectionState> Sections);
