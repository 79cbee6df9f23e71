using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Minutes;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Minutes;

/// <summary>
/// The minutes the person keeps: the Markdown, rendered to a page that prints on A4, and downloadable.
/// The person signs them off here, and the person or the facilitator chooses who else may read them.
/// </summary>
public sealed partial class IndexModel(
    ReviewService reviews, ReviewQueries queries, AuditTrail trail, MembershipCookies memberships, MinutesWriter writer, MinutesRenderer renderer, WordMinutes word, ReviewErrorText errorText,
    Mail.Postbox postbox, MinutesLetters letters, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly ReviewError[] FormMistakes = [ReviewError.SignOffChoiceMissing, ReviewError.ReasonMissing, ReviewError.ReasonTooLong];

    /// <summary>"both" for Welsh and English side by side; "cy" or "en" for one of them.</summary>
    public const string Both = "both";

    [FromRoute] public string ReviewId { get; set; } = "";

    /// <summary>Which minutes: "cy", "en" or "both". The page follows the reader's language unless asked; a download, the person's.</summary>
    [BindProperty(SupportsGet = true, Name = "in")] public string? In { get; set; }

    public BoardSnapshot Minutes { get; private set; } = null!;

    /// <summary>The minutes in each language shown, Welsh first when both are.</summary>
    public IReadOnlyList<(Domain.Language Language, string Html)> Versions { get; private set; } = [];

    public bool ShowsBoth => Versions.Count > 1;
    public Role Role { get; private set; }
    public FormErrors Errors { get; } = new();
    public string? Reason { get; private set; }

    public bool IsFacilitator => Role == Role.Facilitator;
    public bool IsPerson => Role == Role.Person;
    /// <summary>The person, for the facilitator or the person themselves to make their link again; null for anyone else.</summary>
    public ParticipantView? PersonsPlace => IsPerson || IsFacilitator ? Minutes.Participants.FirstOrDefault(p => p.Role == Role.Person) : null;

    /// <summary>The person's link made again, shown once after the redirect.</summary>
    public (string Name, string Link)? NewLink { get; private set; }

    public IEnumerable<ParticipantView> Contributors => Minutes.Participants.Where(p => p.Role == Role.Contributor && !p.Waiting);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await ReadAsync())
        {
            return Forbidden();
        }

        NewLink = Reviews.BoardModel.ShownOnce(TempData, Reviews.BoardModel.NewLinkKey);
        (Sent, NotSent) = (NamesIn(TempData[SentKey]), NamesIn(TempData[NotSentKey]));
        await ReadRecipientsAsync();
        await trail.SawAsync(ReviewId, _reader, "minutes-viewed");
        return Page();
    }

    /// <summary>The Markdown, in the language asked for or else the person's; in both, the Welsh and then the English.</summary>
    public Task<IActionResult> OnGetDownloadAsync() =>
        DownloadAsync(versions => File(Encoding.UTF8.GetBytes(string.Join("\n---\n\n", versions.Select(v => v.Markdown))), "text/markdown; charset=utf-8", writer.FileName(Minutes, [.. versions.Select(v => v.Language)])));

    /// <summary>The same minutes as a Word document, each language on pages of its own.</summary>
    public Task<IActionResult> OnGetWordAsync() =>
        DownloadAsync(versions => File(word.Write(Minutes.Title, versions), WordMinutes.MediaType,
            Path.ChangeExtension(writer.FileName(Minutes, [.. versions.Select(v => v.Language)]), ".docx")));

    private async Task<IActionResult> DownloadAsync(Func<IReadOnlyList<(Domain.Language Language, string Markdown)>, IActionResult> file)
    {
        if (!await ReadAsync())
        {
            return Forbidden();
        }

        await trail.SawAsync(ReviewId, _reader, "minutes-downloaded");
        return file([.. (Asked() ?? [Minutes.Language]).Select(l => (l, Languages.SaidIn(l, () => writer.Write(MinutesIn(l)))))]);
    }

    public Task<IActionResult> OnPostSignOffAsync(bool? agrees, string? reason) =>
        ChangeAsync(
            member => reviews.SignOffAsync(member, agrees ?? throw new ReviewRuleException(ReviewError.SignOffChoiceMissing), reason),
            "#sign-off",
            showMistakes: refusal =>
            {
                Errors.Add(refusal.Errors.Contains(ReviewError.SignOffChoiceMissing) ? "agrees" : "reason", errorText.For(refusal));
                Reason = reason;
            });

    public Task<IActionResult> OnPostShareAsync(string[]? readers) => ChangeAsync(member => reviews.ShareMinutesAsync(member, readers ?? []), "#sharing");

    public Task<IActionResult> OnPostReopenAsync() => ChangeAsync(reviews.ReopenAsync, "", board: true);

    // The person's or facilitator's change: back to the minutes (or the board) when it works; the
    // sign-off form's own mistakes shown on it; anything else refused outright.
    private async Task<IActionResult> ChangeAsync(Func<ReviewMember, Task> change, string fragment, bool board = false, Action<ReviewRuleException>? showMistakes = null)
    {
        if (await memberships.FindAsync(HttpContext, ReviewId) is not { OnlyReads: false } member)
        {
            return Forbidden();
        }

        try
        {
            await change(member);
            return Redirect(board ? $"/reviews/{ReviewId}" : $"/minutes/{ReviewId}{fragment}");
        }
        catch (ReviewRuleException refusal) when (showMistakes is not null && refusal.Errors.All(FormMistakes.Contains))
        {
            showMistakes(refusal);
            return await ReadAsync() ? Page() : Forbidden();
        }
        catch (ReviewRuleException)
        {
            return Forbidden();
        }
    }

    private async Task<bool> ReadAsync()
    {
        if (await memberships.ParticipantIdAsync(HttpContext, ReviewId) is not { } participantId)
        {
            return false;
        }

        foreach (var language in Languages.All)
        {
            if (await Languages.SaidInAsync(language, () => queries.MinutesForAsync(ReviewId, participantId)) is not { } minutes)
            {
                return false;
            }

            _inEach[language] = minutes;
        }

        Minutes = _inEach[Languages.Current];
        _reader = participantId;
        Role = Minutes.Participants.First(p => p.Id == participantId).Role;
        Versions = [.. (Asked() ?? [Languages.Current]).Select(l => (l, Languages.SaidIn(l, () => renderer.ToHtml(writer.Write(MinutesIn(l))))))];
        return true;
    }

    private readonly Dictionary<Domain.Language, BoardSnapshot> _inEach = [];
    private string _reader = "";

    private BoardSnapshot MinutesIn(Domain.Language language) => _inEach[language];

    private IReadOnlyList<Domain.Language>? Asked() => In == Both ? [Domain.Language.Welsh, Domain.Language.English] : Languages.FromCode(In) is { } one ? [one] : null;

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
