namespace ReviewRoom.Reviews;

/// <summary>Someone acting in one review: who they are is fixed when they come in, never taken from a client's message.</summary>
/// <param name="OnlyReads">A big screen: it shows the review and can change nothing.</param>
public sealed record ReviewMember(string ReviewId, string ParticipantId, bool OnlyReads = false);
