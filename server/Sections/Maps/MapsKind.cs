namespace ReviewRoom.Sections;

/// <summary>
/// One part of MAPS (the story, dreams, nightmares, who the person is, gifts, needs): a list of
/// cards, drawn with the other parts as one MAPS picture on the big screen.
/// </summary>
public sealed class MapsKind : CardsKind
{
    public override string Name => "maps";
    public override string? Drawing => "maps";
}
