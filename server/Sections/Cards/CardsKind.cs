using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>A list of cards: what people say, one thing to a card.</summary>
public class CardsKind : SectionKind
{
    public override string Name => "cards";
    public override bool TakesCards => true;
    public override string BoardPartial => "/Sections/Cards/_Board.cshtml";
    public override string ScreenPartial => "/Sections/Cards/_Screen.cshtml";

    public override bool TryPlace(Section section, string? perspective, bool? working, out GridCell? cell)
    {
        cell = null;
        return true;
    }

    public override IEnumerable<SectionPlace> Places(SectionView section, Say say) => [new("", null)];

    public override void WriteMinutes(SectionMinutes minutes, SectionView section) => minutes.Cards(section.Cards);

    public override void WriteEasyRead(EasyReadSection page, SectionView section) => page.Cards(section.Cards);
}
