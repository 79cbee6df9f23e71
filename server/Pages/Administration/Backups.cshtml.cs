using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Storage;

namespace ReviewRoom.Pages.Administration;

/// <summary>The administrator makes a backup of everything while people go on working, and sees those made.</summary>
public sealed class BackupsModel(Backups backups, ILogger<BackupsModel> logger) : PageModel
{
    public IReadOnlyList<FileInfo> Made { get; private set; } = [];

    /// <summary>The backup just made, shown once.</summary>
    public string? JustMade { get; private set; }

    public bool AreMadeHere => backups.AreMadeHere;

    public void OnGet()
    {
        JustMade = TempData[nameof(JustMade)] as string;
        Made = backups.List();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!backups.AreMadeHere)
        {
            return NotFound();
        }

        var name = await backups.MakeAsync();
        logger.LogInformation("A backup was made: {Backup}", name);
        TempData[nameof(JustMade)] = name;
        return Redirect("/administration/backups");
    }
}
