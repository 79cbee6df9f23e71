using System.Text;
using ReviewRoom.Reviews;
using ReviewRoom.Sections;

namespace ReviewRoom.Minutes;

/// <summary>What a section kind writes its part of the Markdown minutes with: the words, and the cards as every kind lists them.</summary>
public sealed class SectionMinutes(StringBuilder minutes, Say say)
{
    public Say Say { get; } = say;

    /// <summary>Markdown as it is: anything typed must go through <see cref="MarkdownText"/> first.</summary>
    public SectionMinutes Append(string markdown)
    {
        minutes.Append(markdown);
        return this;
    }

    /// <summary>One line to a card, with who said it; "Nothing recorded." when there are none.</summary>
    public void Cards(IEnumerable<CardView> cards)
    {
        var any = false;
        foreach (var card in cards.Where(c => !c.KeptOutOfMinutes))
        {
            any = true;
            minutes.Append("- ").Append(card.Answers is { } answers ? Answered(answers) : MarkdownText.EscapeLines(card.Text, "  ")).Append(" (").Append(Attribution(card)).Append(')');
            if (card.FindOutBy is { } finder)
            {
                minutes.Append(". ").Append(Say("Minutes.FindOutBy", MarkdownText.Escape(finder)));
            }

            minutes.Append('\n');
        }

        if (!any)
        {
            NothingRecorded();
        }
    }

    // A chart's card: a line for each column it says something under, the first always.
    private static string Answered(IEnumerable<Answer> answers) =>
        string.Join("  \n  ", answers.Where((a, i) => i == 0 || a.Text.Length > 0).Select(a => $"{MarkdownText.Escape(a.Column)}: {MarkdownText.EscapeLines(a.Text, "  ")}"));

    public void NothingRecorded() => minutes.Append(Say("Minutes.NothingRecorded")).Append('\n');

    private string Attribution(CardView card) =>
        (card.SaidBy is { } saidBy
            ? Say("Minutes.SaidByTypedBy", MarkdownText.Escape(saidBy), MarkdownText.Escape(card.AuthorName))
            : $"{MarkdownText.Escape(card.AuthorName)}, {MarkdownText.Escape(card.AuthorRelationship)}")
        + (card.SentBeforeMeeting ? $", {Say("Minutes.SentBefore")}" : "")
        + (card.EditedBy is { } editor ? $", {Say("Minutes.EditedBy", MarkdownText.Escape(editor))}" : "");
}
