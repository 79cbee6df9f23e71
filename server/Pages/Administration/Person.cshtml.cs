using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Minutes;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Administration;

/// <summary>One person: everything held about them, as a download, and deleting it, which asks for their name to be typed first.</summary>
public sealed class PersonModel(SubjectAccess subjectAccess, MinutesWriter writer, ReviewErrorText errorText, ILogger<PersonModel> logger) : PageModel
{
    [FromRoute] public string PersonId { get; set; } = "";

    public PersonRecord Person { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    /// <summary>A zip: each review's minutes, and everything.json with every review whole.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (!Load())
        {
            return NotFound();
        }

        var (minutes, json) = await subjectAccess.EverythingAboutAsync(Me, PersonId);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (one, number) in minutes.Select((m, i) => (m, i + 1)))
            {
                await AddAsync(archive, $"{number:D2}-{Languages.SaidIn(one.Language, () => writer.FileName(one, [one.Language]))}", Languages.SaidIn(one.Language, () => writer.Write(one)));
            }

            await AddAsync(archive, "everything.json", json);
        }

        logger.LogInformation("Everything held about a person was exported by an administrator ({Reviews} reviews)", Person.Reviews.Count);
        return File(zip.ToArray(), "application/zip", Path.ChangeExtension(writer.FileName(minutes[^1], [Languages.Current]), null) + "-everything.zip");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? typedName)
    {
        if (!Load())
        {
            return NotFound();
        }

        try
        {
            await subjectAccess.DeleteAsync(Me, PersonId, typedName);
            logger.LogInformation("A person and their {Reviews} reviews were deleted by an administrator", Person.Reviews.Count);
            return Redirect("/administration/people");
        }
        catch (ReviewRuleException refusal) when (refusal.Errors.Contains(ReviewError.PersonsNameNotTyped))
        {
            Errors.Add("typed-name", errorText.For(refusal));
            return Page();
        }
    }

    private string Me => FacilitatorSignIn.AccountId(User)!;

    private bool Load()
    {
        Person = subjectAccess.Person(Me, PersonId)!;
        return Person is not null;
    }

    private static async Task AddAsync(ZipArchive archive, string name, string text)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
