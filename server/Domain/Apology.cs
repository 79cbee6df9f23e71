namespace ReviewRoom.Domain;

/// <summary>Someone who could not come, and what they sent in writing, if anything.</summary>
public sealed record Apology(string Id, string Name, string Relationship, string? Contribution);
