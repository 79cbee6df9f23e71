namespace ReviewRoom.Sections;

/// <summary>Questions nobody can answer yet, and who will find out.</summary>
public sealed class QuestionsKind : CardsKind
{
    public override string Name => "questions";
    public override bool AsksWhoFindsOut => true;
    public override string EasyReadPicture => "2753";
}
