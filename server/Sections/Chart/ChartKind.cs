namespace ReviewRoom.Sections;

/// <summary>
/// A chart with the columns the template lists (a communication chart's "when this happens",
/// "the person does this", "we think it means", "and we should"): one row to a card, with an answer
/// under each column. The card's words are its first column's; the rest are its answers.
/// </summary>
public sealed class ChartKind : CardsKind
{
    public override string Name => "chart";
    public override string? OptionsNeeded => "a chart needs its columns: list them under the heading, one per line starting with \"- \".";
    public override string ScreenPartial => "/Sections/Chart/_Screen.cshtml";

    public override int AnswersAfterText(int options) => options - 1;
}
