using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.People;

/// <summary>
/// A team's self-assessment over time, for a facilitator who runs its reviews: each area's chosen
/// statement at every review, as a chart with the same figures in a table, and as a CSV download for
/// spreadsheet pivots.
/// </summary>
public sealed class ProgressModel(ReviewQueries queries, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute] public string PersonId { get; set; } = "";

    public string TeamName { get; private set; } = "";

    public IReadOnlyList<AreaProgress> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Forbidden();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync())
        {
            return Forbidden();
        }

        var csv = new StringBuilder();
        Row(csv, text["Progress.Csv.Area"], text["Progress.Csv.Date"], text["Progress.Csv.Review"], text["Progress.Csv.Number"], text["Progress.Csv.Statement"]);
        foreach (var area in Areas)
        {
            foreach (var choice in area.Choices)
            {
                Row(csv, area.Heading, choice.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), choice.Title,
                    choice.Chosen is { } chosen ? (chosen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                    choice.Chosen is { } at && at < area.Statements.Count ? area.Statements[at] : "");
            }
        }

        // With a byte-order mark, so spreadsheets read the Welsh letters as they are.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"{TeamSlug}-{text["Progress.FileWord"]}.csv");
    }

    private string TeamSlug => global::ReviewRoom.Minutes.MinutesWriter.Slug(TeamName);

    private async Task<bool> LoadAsync()
    {
        if (FacilitatorSignIn.AccountId(User) is not { } accountId || queries.ReviewsOf(PersonId, accountId) is not { Count: > 0 } reviews)
        {
            return false;
        }

        TeamName = reviews[^1].PersonName;
        Areas = await queries.ProgressOfAsync(PersonId, accountId);
        return true;
    }

    // One line of CSV: every field quoted; one that a spreadsheet would take for a formula starts with an apostrophe, so it stays words.
    private static void Row(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(f => $"\"{(f.Length > 0 && "=+-@\t\r".Contains(f[0], StringComparison.Ordinal) ? "'" + f : f).Replace("\"", "\"\"", StringComparison.Ordinal)}\""))).Append("\r\n");

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
