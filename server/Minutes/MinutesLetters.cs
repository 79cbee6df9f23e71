using System.Text;
using Microsoft.Extensions.Localization;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Mail;
using ReviewRoom.Reviews;

namespace ReviewRoom.Minutes;

/// <summary>The minutes as a letter to one of the people the person chose: in their language, the minutes attached as Word and as text.</summary>
public sealed class MinutesLetters(MinutesWriter writer, WordMinutes word, IStringLocalizer<SharedResource> text)
{
    /// <param name="minutes">The minutes, read in the recipient's language.</param>
    public Letter For(MinutesRecipient to, BoardSnapshot minutes) => Languages.SaidIn(to.Language, () =>
    {
        var markdown = writer.Write(minutes);
        var fileName = writer.FileName(minutes, [to.Language]);
        var date = Languages.LongDate(minutes.Date);
        return new Letter(
            to.Name,
            to.Email,
            text["MinutesEmail.Subject", minutes.Title, date],
            text[to.Role == Role.Person ? "MinutesEmail.BodyForPerson" : "MinutesEmail.Body", to.Name, minutes.PersonName, minutes.Title, date],
            [
                new(Path.ChangeExtension(fileName, ".docx"), WordMinutes.MediaType, word.Write(minutes.Title, [(to.Language, markdown)])),
                new(fileName, "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(markdown)),
            ]);
    });
}
