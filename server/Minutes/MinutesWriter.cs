using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Infrastructure;
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
        Field(minutes, text["Minutes.Date"], Languages.MeetingTime(text, review.Date, review.StartsAt));
        if (review.Place is { } place)
        {
            Field(minutes, text["Minutes.Place"], MarkdownText.Escape(place));
        }

        var facilitators = review.Participants.Where(p => p.Role == Role.Facilitator).Select(p => MarkdownText.Escape(p.Name));
        Field(minutes, text["Minutes.Facilitator"], string.Join(", ", facilitators));
        if (review.NextReviewDate is { } next)
        {
            Field(minutes, text["Minutes.NextReview"], Languages.LongDate(next));
        }

        minutes.Append("\n## ").Append(text["Minutes.WhoIsHere"]).Append("\n\n");
        foreach (var participant in review.Participants.Where(p => p.HasJoined && p.Role != Role.Screen))
        {
            minutes.Append("- ").Append(NameAndRelationship(participant.Name, participant.Relationship)).Append('\n');
        }

        Apologies(minutes, review.Apologies ?? []);

        foreach (var section in review.Sections)
        {
            minutes.Append("\n## ").Append(MarkdownText.Escape(section.Heading)).Append("\n\n");
            section.Kind.WriteMinutes(new SectionMinutes(minutes, text.Say()), section);
        }

        if (review.SignOff is { } signOff)
        {
            SignedOff(minutes, review.PersonName, signOff);
        }

        return minutes.ToString();
    }

    /// <summary>
    /// For example "2026-12-01-sam-jones-review.md", "2026-12-01-sam-jones-adolygiad.md", or for both
    /// languages, "2026-12-01-sam-jones-adolygiad-review.md".
    /// </summary>
    public string FileName(BoardSnapshot review, IReadOnlyList<Language> languages) =>
        $"{review.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{Slug(review.PersonName)}-{string.Join('-', languages.Select(l => Languages.SaidIn(l, () => text["Minutes.FileWord"].Value)))}.md";

    private void Apologies(StringBuilder minutes, IReadOnlyList<Apology> apologies)
    {
        if (apologies.Count == 0)
        {
            return;
        }

        minutes.Append("\n## ").Append(text["Minutes.Apologies"]).Append("\n\n");
        foreach (var apology in apologies)
        {
            minutes.Append("- ").Append(NameAndRelationship(apology.Name, apology.Relationship)).Append('\n');
        }

        foreach (var written in apologies.Where(a => a.Contribution is not null))
        {
            minutes.Append("\n### ").Append(text["Minutes.WrittenBy", NameAndRelationship(written.Name, written.Relationship)]).Append("\n\n")
                .Append(MarkdownText.EscapeLines(written.Contribution!, "\n")).Append('\n');
        }
    }

    private static string NameAndRelationship(string name, string relationship) =>
        $"{MarkdownText.Escape(name)} ({MarkdownText.Escape(relationship)})";

    private void SignedOff(StringBuilder minutes, string personName, SignOff signOff)
    {
        var on = Languages.LongDate(DateOnly.FromDateTime(signOff.At.UtcDateTime));
        minutes.Append("\n## ").Append(text["Minutes.SignOff"]).Append("\n\n")
            .Append(signOff.Agrees ? text["Minutes.Agrees", MarkdownText.Escape(personName), on] : text["Minutes.DoesNotAgree", MarkdownText.Escape(personName), on])
            .Append('\n');
        if (signOff.Reason is { } reason)
        {
            minutes.Append("\n> ").Append(MarkdownText.EscapeLines(reason, ">\n> ")).Append('\n');
        }
    }

    private static void Field(StringBuilder minutes, string label, string value) =>
        minutes.Append("**").Append(label).Append(":** ").Append(value).Append("  \n");

    internal static string Slug(string name)
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
