using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Reviews;

namespace ReviewRoom.IntegrationTests;

/// <summary>A chart's row added by the plain form, as a browser without the script sends it: every column kept, and kept on a mistake too.</summary>
public sealed class ChartWithoutScriptTests : FreshApp
{
    [Fact]
    public async Task ARowSentByTheForm_KeepsAnAnswerUnderEachColumn_AndAMistakeKeepsWhatWasTyped()
    {
        var reviewId = await Fran.CreateReviewAsync(template: "communication-chart");

        var added = await Fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new()
        {
            ["sectionId"] = "chart", ["operationId"] = "op-1", ["text"] = "Sam is kept waiting",
            ["answers[0]"] = "Sam rocks and hums", ["answers[1]"] = "", ["answers[2]"] = "Tell Sam how long",
        });
        var mistake = await Fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new()
        {
            ["sectionId"] = "chart", ["operationId"] = "op-2", ["text"] = " ",
            ["answers[0]"] = "Covers his ears", ["answers[1]"] = "Too loud", ["answers[2]"] = "Find a quieter room",
        });
        var page = WebUtility.HtmlDecode(await mistake.Content.ReadAsStringAsync());
        var board = await (await Fran.ConnectAsync(reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        var card = Assert.Single(board.Sections.Single(s => s.Id == "chart").Cards);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(["When this happens", "Sam Jones does this", "We think it means", "And we should"], card.Answers!.Select(a => a.Column));
        Assert.Equal(["Sam is kept waiting", "Sam rocks and hums", "", "Tell Sam how long"], card.Answers!.Select(a => a.Text));
        Assert.Equal(HttpStatusCode.OK, mistake.StatusCode);
        Assert.Contains(">Covers his ears</textarea>", page, StringComparison.Ordinal);
        Assert.Contains(">Find a quieter room</textarea>", page, StringComparison.Ordinal);
    }
}
