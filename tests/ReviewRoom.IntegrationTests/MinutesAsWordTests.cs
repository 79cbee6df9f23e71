using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The minutes downloaded as a Word document, as a care organisation files them.</summary>
public sealed class MinutesAsWordTests : FreshApp
{
    [Fact]
    public async Task TheMinutesInWelshAndEnglish_DownloadAsOneWordDocument_WithWhatWasSaid_AndTheDownloadIsInTheTrail()
    {
        var reviewId = await Fran.CreateReviewAsync();
        await using var ana = new Visitor(App);
        await ana.JoinAsync(await Fran.InviteAsync(reviewId, "Ana Jones", "sister"));
        await (await ana.ConnectAsync(reviewId)).InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Sam & the <sea>"));

        using var response = await Fran.Http.GetAsync($"/minutes/{reviewId}/word?in=both");
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2026-12-01-sam-jones-adolygiad-review.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(2, text.Split("Sam & the <sea> (Ana Jones, sister)").Length - 1);
        Assert.Contains("Beth rydyn ni'n ei hoffi", text, StringComparison.Ordinal);
        Assert.Contains("minutes-downloaded", App.Services.GetRequiredService<IReviewStore>().TrailOf(reviewId).Select(a => a.Action));
    }
}
