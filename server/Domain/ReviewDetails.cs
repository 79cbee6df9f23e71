namespace ReviewRoom.Domain;

/// <summary>Whose review it is, what it is called, and when it happens.</summary>
public sealed record ReviewDetails(string PersonName, string Title, DateOnly Date);
