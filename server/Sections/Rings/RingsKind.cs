using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>
/// Cards placed in rings around the person, from the middle outwards as the template lists them:
/// a relationship circle's family, friends, community and paid support, or a doughnut's parts.
/// </summary>
public sealed class RingsKind : CardsKind
{
    public override string Name => "rings";
    public override string? OptionsNeeded => "rings need their names: list them under the heading, from the middle outwards, one per line starting with \"- \".";
    public override string EasyReadPicture => "1F465";
    public override string BoardPartial => "/Sections/Rings/_Board.cshtml";
    public override string ScreenPartial => "/Sections/Rings/_Screen.cshtml";

    public override bool TryPlace(Section section, string? perspective, bool? working, out GridCell? cell)
    {
        cell = section.Option(perspective) is { } ring ? new GridCell(ring.English, null) : null;
        return cell is not null;
    }

    public override IEnumerable<SectionPlace> Places(SectionView section, Say say) =>
        section.Options.Select(ring => new SectionPlace(CardPlace.Value(ring, null), ring));

    /// <summary>The class that gives a ring its colour, counted from the middle; the same on the board and the big screen.</summary>
    public static string Colour(int ring) => $"ring-colour--{ring % 5 + 1}";

    public static IEnumerable<CardView> In(SectionView section, string ring) => section.Cards.Where(c => c.Perspective == ring);

    public override void WriteMinutes(SectionMinutes minutes, SectionView section)
    {
        foreach (var ring in section.Options)
        {
            minutes.Append(ring == section.Options[0] ? "" : "\n").Append("### ").Append(MarkdownText.Escape(ring)).Append("\n\n");
            minutes.Cards(In(section, ring));
        }
    }

    public override void WriteEasyRead(EasyReadSection page, SectionView section)
    {
        foreach (var ring in section.Options)
        {
            foreach (var card in In(section, ring).Where(c => !c.KeptOutOfMinutes))
            {
                page.Row(page.Picture, card.Text, [page.Say("EasyRead.Where", ring)]);
            }
        }
    }
}
