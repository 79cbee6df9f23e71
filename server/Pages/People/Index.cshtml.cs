using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Minutes;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.People;

/// <summary>One person's reviews in order, for a facilitator who runs them; everything held about them, and deleting it.</summary>
public sealed class IndexModel(ReviewQueries queries, MinutesWriter writer, ReviewErrorText errorText) : PageModel
{
    [FromRoute] public string PersonId { get; set; } = "";

    public IReadOnlyList<ReviewSummary> Reviews { get; private set; } = [];
    public ReviewSummary Latest => Reviews[^1];
    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => Load() ? Page() : Forbidden();

    /// <summary>A zip of the minutes of every one of the person's reviews, for a subject access request.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!Load())
        {
            return Forbidden();
        }

        try
        {
            var everything = await queries.EverythingAboutAsync(PersonId, FacilitatorSignIn.AccountId(User)!);
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (minutes, number) in everything.Select((m, i) => (m, i + 1)))
                {
                    var entry = archive.CreateEntry($"{number:D2}-{writer.FileName(minutes, [Languages.Current])}", CompressionLevel.Optimal);
                    await using var stream = entry.Open();
                    await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(writer.Write(minutes)));
                }
            }

            return File(zip.ToArray(), "application/zip", Path.ChangeExtension(writer.FileName(everything[^1], [Languages.Current]), null) + "-everything.zip");
        }
        catch (ReviewRuleException refusal)
        {
            Errors.Add("export", errorText.For(refusal));
            return Page();
        }
    }

    private bool Load()
    {
        Reviews = FacilitatorSignIn.AccountId(User) is { } accountId ? queries.ReviewsOf(PersonId, accountId) : [];
        return Reviews.Count > 0;
    }

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
