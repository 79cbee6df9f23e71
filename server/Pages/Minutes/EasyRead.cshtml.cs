using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Infrastructure;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Minutes;

/// <summary>
/// The easy-read minutes, for whoever may read the minutes: a page that prints on A4, in the reader's
/// language unless another is asked for, and a download, a page of its own with its pictures and styles
/// inside it, in the person's language unless another is asked for.
/// </summary>
public sealed class EasyReadModel(ReviewQueries queries, AuditTrail trail, MembershipCookies memberships, EasyReadWriter writer, IWebHostEnvironment environment) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    /// <summary>"cy" or "en".</summary>
    [BindProperty(SupportsGet = true, Name = "in")] public string? In { get; set; }

    public BoardSnapshot Minutes { get; private set; } = null!;
    public Domain.Language Language { get; private set; }
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ReadAsync(Languages.FromCode(In) ?? Languages.Current))
        {
            return Forbidden();
        }

        await trail.SawAsync(ReviewId, _reader, "easy-read-viewed");
        Html = Languages.SaidIn(Language, () => writer.Write(Minutes, code => $"/lib/openmoji/{code}.svg"));
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        // In the language asked for, else the person's.
        if (!await ReadAsync(Languages.Current) || !await ReadAsync(Languages.FromCode(In) ?? Minutes.Language))
        {
            return Forbidden();
        }

        await trail.SawAsync(ReviewId, _reader, "easy-read-downloaded");
        var document = Languages.SaidIn(Language, () => new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(Languages.Code(Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(System.Net.WebUtility.HtmlEncode(Minutes.Title)).Append("</title>\n")
            .Append("<style>").Append(WebRootText("css/easy-read.css")).Append("</style>\n</head>\n<body>\n")
            .Append(writer.Write(Minutes, Picture))
            .Append("</body>\n</html>\n")
            .ToString());
        return File(Encoding.UTF8.GetBytes(document), "text/html; charset=utf-8", Languages.SaidIn(Language, () => writer.FileName(Minutes)));
    }

    // The download travels alone: each picture goes inside it.
    private string Picture(string code) => $"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(WebRootText($"lib/openmoji/{code}.svg")))}";

    private string WebRootText(string path)
    {
        using var reader = new StreamReader(environment.WebRootFileProvider.GetFileInfo(path).CreateReadStream());
        return reader.ReadToEnd();
    }

    private async Task<bool> ReadAsync(Domain.Language language)
    {
        if (await memberships.ParticipantIdAsync(HttpContext, ReviewId) is not { } participantId
            || await Languages.SaidInAsync(language, () => queries.MinutesForAsync(ReviewId, participantId)) is not { } minutes)
        {
            return false;
        }

        (Minutes, Language, _reader) = (minutes, language, participantId);
        return true;
    }

    private string _reader = "";

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
