using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Sections;

/// <summary>One area of a self-assessment: the group picks one of the statements the template lists.</summary>
public sealed class ChoiceKind : SectionKind
{
    public override string Name => "choice";
    public override bool TakesAChoice => true;
    public override string? OptionsNeeded => "a choice needs its statements: list them under the heading, one per line starting with \"- \".";
    public override string EasyReadPicture => "2611";
    public override string BoardPartial => "/Sections/Choice/_Board.cshtml";
    public override string ScreenPartial => "/Sections/Choice/_Screen.cshtml";

    public override void WriteMinutes(SectionMinutes minutes, SectionView section)
    {
        if (section.Chosen is not { } chosen)
        {
            minutes.Append(minutes.Say("Minutes.NotChosen")).Append("\n");
            return;
        }

        minutes.Append(minutes.Say("Minutes.Chosen", MarkdownText.Escape(section.Options[chosen]))).Append("\n");
        if (section.AgreedBy is { } agreed)
        {
            minutes.Append("\n").Append(minutes.Say("Minutes.AgreedBy", MarkdownText.Escape(agreed))).Append("\n");
        }
    }

    public override void WriteEasyRead(EasyReadSection page, SectionView section)
    {
        if (section.Chosen is { } chosen)
        {
            page.Row(page.Picture, page.Say("EasyRead.WeChose", section.Options[chosen]));
        }
    }
}
