using System.Net;
using System.Text;
using ReviewRoom.Reviews;
using ReviewRoom.Sections;

namespace ReviewRoom.Minutes;

/// <summary>What a section kind writes its part of the easy-read minutes with: one thing to a row, with its picture.</summary>
public sealed class EasyReadSection(StringBuilder page, Say say, Func<string, string> pictureSource, string sectionPicture)
{
    public Say Say { get; } = say;

    /// <summary>The section's own picture, for rows that have none of their own.</summary>
    public string Picture => pictureSource(sectionPicture);

    /// <summary>Where the page finds the picture with this OpenMoji code.</summary>
    public string PictureOf(string code) => pictureSource(code);

    /// <summary>One thing to a row: its picture, what it is, and under that, any more about it, a line each.</summary>
    public void Row(string picture, string main, IEnumerable<string>? more = null) => Row(page, picture, main, more);

    public static void Row(StringBuilder page, string picture, string main, IEnumerable<string>? more = null)
    {
        page.Append("<div class=\"easy-read__row\"><img class=\"easy-read__picture\" src=\"").Append(Encode(picture)).Append("\" alt=\"\">")
            .Append("<div class=\"easy-read__words\"><p class=\"easy-read__main\">").Append(Encode(main)).Append("</p>");
        foreach (var line in more ?? [])
        {
            page.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        page.Append("</div></div>\n");
    }

    /// <summary>A row for each card the person kept in, with who will find out and whether it was sent ahead.</summary>
    public void Cards(IEnumerable<CardView> cards)
    {
        foreach (var card in cards.Where(c => !c.KeptOutOfMinutes))
        {
            // A chart's card: a line for each column it says something under, the first always.
            var answers = card.Answers?.Where((a, i) => i == 0 || a.Text.Length > 0).Select(a => $"{a.Column}: {a.Text}").ToList();
            Row(Picture, answers?[0] ?? card.Text, [
                .. answers?.Skip(1) ?? [],
                .. card.FindOutBy is { } finder ? [Say("EasyRead.FindOutBy", finder)] : Array.Empty<string>(),
                .. card.SentBeforeMeeting ? [Say("EasyRead.SentBefore")] : Array.Empty<string>()]);
        }
    }

    public static string Encode(string words) => WebUtility.HtmlEncode(words).ReplaceLineEndings("<br>");
}
