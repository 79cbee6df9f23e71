namespace ReviewRoom.Sections;

/// <summary>One step of a PATH: a list of cards, drawn with the other steps as one path on the big screen.</summary>
public sealed class PathKind : CardsKind
{
    public override string Name => "path";
    public override string EasyReadPicture => "1F6A9";
    public override string? Drawing => "path";
}
