using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>A team's self-assessment over time: each area's chosen statement at every review, on a page and as CSV.</summary>
public sealed partial class ProgressTests : FreshApp
{
    [Fact]
    public async Task TwoSelfAssessmentsOfOneTeam_ShowEachAreasChoiceOverTime_AndDownloadAsCsv_WithFormulasKeptAsWords()
    {
        var first = await Fran.CreateReviewAsync("Oak House team", "team-self-assessment");
        await (await Fran.ConnectAsync(first)).InvokeAsync("Choose", "what-matters", 0, "Everyone");
        await Fran.PostFormAsync($"/reviews/{first}/close", $"/reviews/{first}/close", []);
        var created = await Fran.PostFormAsync($"/reviews/new?after={first}", $"/reviews/new?after={first}", new()
        {
            ["After"] = first, ["Title"] = "=HYPERLINK(\"http://example.com\")", ["Date"] = "2027-06-01", ["TemplateId"] = "team-self-assessment",
        });
        var second = created.Headers.Location!.OriginalString.Split('/').Last();
        await (await Fran.ConnectAsync(second)).InvokeAsync("Choose", "what-matters", 2, "Most of us");
        var person = PersonLink().Match(await Fran.Http.GetStringAsync($"/reviews/{second}")).Groups[1].Value;

        var page = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync($"/people/{person}/progress"));
        using var csv = await Fran.Http.GetAsync($"/people/{person}/progress/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        await using var colleague = await App.NewFacilitatorAsync();
        var notTheirs = await colleague.Http.GetAsync($"/people/{person}/progress/csv");

        Assert.Contains("Oak House team: progress over time", page, StringComparison.Ordinal);
        Assert.Contains("The statement chosen at each review, from 1 to 5: 1 December 2026: 1; 1 June 2027: 3.", page, StringComparison.Ordinal);
        Assert.Equal("\"Area\",\"Review date\",\"Review\",\"Statement number\",\"Statement\"", lines[0]);
        Assert.Matches("^\"Knowing what matters to each person\",\"2026-12-01\",\"Annual review\",\"1\",\"[^\"]+\"$", lines[1]);
        Assert.Matches("^\"Knowing what matters to each person\",\"2027-06-01\",\"'=HYPERLINK\\(\"\"http://example.com\"\"\\)\",\"3\",\"[^\"]+\"$", lines[2]);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [GeneratedRegex("href=\"/people/([0-9a-f]{32})\"")]
    private static partial Regex PersonLink();
}
