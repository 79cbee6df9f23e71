namespace ReviewRoom.Domain;

/// <summary>What the person said of their minutes, and when: they agree, or they do not and say why.</summary>
public sealed record SignOff(bool Agrees, string? Reason, DateTimeOffset At);
