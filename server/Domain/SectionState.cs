namespace ReviewRoom.Domain;

/// <summary>How the facilitator has set a section up, and for a choice, what the group picked.</summary>
public sealed class SectionState
{
    public string SectionId { get; internal set; } = "";

    public bool Locked { get; internal set; }

    /// <summary>Quiet writing: each person sees only their own new cards until the facilitator reveals them.</summary>
    public bool QuietWriting { get; internal set; }

    /// <summary>The statement the group picked, counted from 0; null until they pick.</summary>
    public int? Chosen { get; internal set; }

    public string? AgreedBy { get; internal set; }
}
