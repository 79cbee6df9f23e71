using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using ReviewRoom.Reviews;

namespace ReviewRoom.Minutes;

/// <summary>The minutes the person keeps: a pure function from what was on the board to Markdown.</summary>
public sealed class MinutesWriter(IStringLocalizer<SharedResource> text)
{
    public string Write(BoardSnapshot review)
    {
        var minutes = new StringBuilder();
        minutes.Append("# ").Append(MarkdownText.Escape(review.Title)).Append("\n\n");
        Field(minutes, text["Minutes.Person"], MarkdownText.Escape(review.PersonName));
        Field(minutes, text["Minutes.Date"], review.Date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture));

        minutes.Append("\n## ").Append(text["Minutes.WhoIsHere"]).Append("\n\n");
        foreach (var participant in review.Participants.Where(p => p.HasJoined))
        {
            minutes.Append("- ").Append(MarkdownText.Escape(participant.Name))
                .Append(" (").Append(MarkdownText.Escape(participant.Relationship)).Append(")\n");
        }

        foreach (var section in review.Sections)
        {
            minutes.Append("\n## ").Append(MarkdownText.Escape(section.Heading)).Append("\n\n");
            if (section.Cards.Count == 0)
            {
                minutes.Append(text["Minutes.NothingRecorded"]).Append('\n');
            }

            foreach (var card in section.Cards)
            {
                minutes.Append("- ").Append(MarkdownText.EscapeLines(card.Text, "  "))
                    .Append(" (").Append(MarkdownText.Escape(card.AuthorName))
                    .Append(", ").Append(MarkdownText.Escape(card.AuthorRelationship)).Append(")\n");
            }
        }

        return minutes.ToString();
    }

    /// <summary>For example "2026-12-01-sam-jones-review.md".</summary>
    public static string FileName(BoardSnapshot review) =>
        $"{review.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{Slug(review.PersonName)}-review.md";

    private static void Field(StringBuilder minutes, string label, string value) =>
        minutes.Append("**").Append(label).Append(":** ").Append(value).Append("  \n");

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 0 ? result : "person";
    }
}
