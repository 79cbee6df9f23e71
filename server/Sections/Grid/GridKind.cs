using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>Cards in cells: working or not working, from each perspective the template lists.</summary>
public sealed class GridKind : CardsKind
{
    public override string Name => "grid";
    public override string? OptionsNeeded => "a grid needs its perspectives: list them under the heading, one per line starting with \"- \".";
    public override string BoardPartial => "/Sections/Grid/_Board.cshtml";
    public override string ScreenPartial => "/Sections/Grid/_Screen.cshtml";

    /// <summary>Working first, then not working, under each perspective.</summary>
    public static IEnumerable<(string Perspective, bool Working)> Cells(SectionView section) =>
        section.Options.SelectMany(perspective => new[] { (perspective, true), (perspective, false) });

    public static string Column(bool working) => working ? "Grid.Working" : "Grid.NotWorking";

    public override bool TryPlace(Section section, string? perspective, bool? working, out GridCell? cell)
    {
        cell = section.Option(perspective) is { } option && working is { } column ? new GridCell(option.English, column) : null;
        return cell is not null;
    }

    public override IEnumerable<SectionPlace> Places(SectionView section, Say say) =>
        Cells(section).Select(c => new SectionPlace(CardPlace.Value(c.Perspective, c.Working), say("Grid.Cell", c.Perspective, say(Column(c.Working)))));

    public override void WriteMinutes(SectionMinutes minutes, SectionView section)
    {
        foreach (var (perspective, working) in Cells(section))
        {
            if (working)
            {
                minutes.Append(perspective == section.Options[0] ? "" : "\n").Append("### ").Append(MarkdownText.Escape(perspective)).Append("\n\n");
            }

            minutes.Append(working ? "" : "\n").Append("**").Append(minutes.Say(Column(working))).Append("**\n\n");
            minutes.Cards(section.Cards.Where(c => c.Perspective == perspective && c.Working == working));
        }
    }

    public override void WriteEasyRead(EasyReadSection page, SectionView section)
    {
        foreach (var card in section.Cards.Where(c => !c.KeptOutOfMinutes).OrderBy(c => section.Options.ToList().IndexOf(c.Perspective ?? "")).ThenBy(c => c.Working == false))
        {
            page.Row(page.PictureOf(card.Working == true ? EasyReadPictures.Working : EasyReadPictures.NotWorking),
                page.Say(card.Working == true ? "EasyRead.GoingWell" : "EasyRead.NotGoingWell", card.Text), [page.Say("EasyRead.SaidFrom", card.Perspective ?? "")]);
        }
    }
}
