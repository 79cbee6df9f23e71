namespace ReviewRoom.Reviews;

/// <summary>Someone acting in one review: who they are is fixed when they come in, never taken from a client's message.</summary>
public sealed record ReviewMember(string ReviewId, string ParticipantId);
