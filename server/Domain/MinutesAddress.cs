namespace ReviewRoom.Domain;

/// <summary>Where one of the people the person chose is sent the minutes, and in which language; an empty address sends them nothing.</summary>
public sealed record MinutesAddress(string ParticipantId, string? Email, Language Language);
