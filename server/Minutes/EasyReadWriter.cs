using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Minutes;

/// <summary>
/// The easy-read minutes: the same review in short plain words, one thing to a row with its picture
/// on the left, dates written out in words, "Who" and "When" for every action, and no tables. A pure
/// function from what was on the board to HTML, in the current language; where each picture comes from
/// is the caller's (a file on the page, the picture itself in a download).
/// </summary>
public sealed class EasyReadWriter(IStringLocalizer<SharedResource> text)
{
    // Plainer headings for the sections of the shipped templates; any other section keeps its own.
    private static readonly Dictionary<string, string> Headings = new(StringComparer.Ordinal)
    {
        ["like-and-admire"] = "EasyRead.Heading.LikeAndAdmire",
        ["important-to-now"] = "EasyRead.Heading.ImportantToNow",
        ["important-to-future"] = "EasyRead.Heading.ImportantToFuture",
        ["important-for"] = "EasyRead.Heading.ImportantFor",
        ["working-not-working"] = "EasyRead.Heading.WorkingNotWorking",
        ["questions"] = "EasyRead.Heading.Questions",
        ["actions"] = "EasyRead.Heading.Actions",
    };

    public string Write(BoardSnapshot review, Func<string, string> pictureSource)
    {
        var page = new StringBuilder();
        page.Append("<article class=\"easy-read\">\n");
        page.Append("<h1>").Append(Encode(text["EasyRead.Title", review.PersonName])).Append("</h1>\n");
        Row(page, pictureSource(EasyReadPictures.Date), text["EasyRead.MeetingOn", Languages.MeetingTime(text, review.Date, review.StartsAt, Languages.DateInWords)]);
        if (review.Place is { } place)
        {
            Row(page, pictureSource(EasyReadPictures.Place), text["EasyRead.MeetingAt", place]);
        }

        Heading(page, text["EasyRead.WhoCame"]);
        foreach (var participant in review.Participants.Where(p => p.HasJoined && p.Role != Role.Screen))
        {
            Row(page, pictureSource(EasyReadPictures.Person), $"{participant.Name} ({participant.Relationship})");
        }

        if (review.Apologies is { Count: > 0 } apologies)
        {
            Heading(page, text["EasyRead.CouldNotCome"]);
            foreach (var apology in apologies)
            {
                Row(page, pictureSource(EasyReadPictures.CouldNotCome), $"{apology.Name} ({apology.Relationship})", apology.Contribution is { } said ? [said] : []);
            }
        }

        foreach (var section in review.Sections)
        {
            Heading(page, Headings.TryGetValue(section.Id, out var plain) ? text[plain, review.PersonName] : section.Heading);
            var before = page.Length;
            section.Kind.WriteEasyRead(new EasyReadSection(page, text.Say(), pictureSource, EasyReadPictures.For(section.Id, section.Kind)), section);

            if (page.Length == before)
            {
                page.Append("<p class=\"easy-read__nothing\">").Append(Encode(text["EasyRead.Nothing"])).Append("</p>\n");
            }
        }

        if (review.NextReviewDate is { } next)
        {
            Heading(page, text["EasyRead.NextReview"]);
            Row(page, pictureSource(EasyReadPictures.NextReview), text["EasyRead.NextReviewOn", Languages.DateInWords(next)]);
        }

        if (review.SignOff is { } signOff)
        {
            Heading(page, text["EasyRead.SignOff"]);
            var on = Languages.DateInWords(DateOnly.FromDateTime(signOff.At.UtcDateTime));
            Row(page, pictureSource(EasyReadPictures.SignedOff), signOff.Agrees ? text["EasyRead.Agrees", review.PersonName, on] : text["EasyRead.DoesNotAgree", review.PersonName, on],
                signOff.Reason is { } reason ? [reason] : []);
        }

        page.Append("<p class=\"easy-read__credit\">").Append(Encode(text["EasyRead.Pictures"]))
            .Append(" <a href=\"https://openmoji.org/\">OpenMoji</a>, <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">CC BY-SA 4.0</a>.</p>\n");
        return page.Append("</article>\n").ToString();
    }

    /// <summary>For example "2026-12-01-sam-jones-review-easy-read.html".</summary>
    public string FileName(BoardSnapshot review) =>
        $"{review.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{MinutesWriter.Slug(review.PersonName)}-{text["EasyRead.FileWords"]}.html";

    private static void Heading(StringBuilder page, string heading) => page.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");

    private static void Row(StringBuilder page, string picture, string main, IEnumerable<string>? more = null) => EasyReadSection.Row(page, picture, main, more);

    private static string Encode(string words) => EasyReadSection.Encode(words);
}
