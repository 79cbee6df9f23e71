using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The final minutes sent by e-mail, over a real SMTP server, to the person and the people they chose, and nobody else.</summary>
public sealed class MinutesByEmailTests : FreshApp
{
    private MailServer _mail = null!;
    private string _reviewId = "";
    private Dictionary<string, string> _ids = [];

    protected override IReadOnlyDictionary<string, string?>? Settings => _mail.Settings;

    public override async ValueTask InitializeAsync()
    {
        _mail = await MailServer.StartAsync();
        await base.InitializeAsync();
        _reviewId = await Fran.CreateReviewAsync(language: nameof(Language.Welsh));
        await using var ana = new Visitor(App);
        await ana.JoinAsync(await Fran.InviteAsync(_reviewId, "Ana Jones", "sister"));
        await (await ana.ConnectAsync(_reviewId)).InvokeAsync<CardView>("AddCard", "op-1", new CardDraft("like-and-admire", "Sam & the <sea>"));
        await Fran.InviteAsync(_reviewId, "Bea Cole", "friend");
        await Fran.InviteAsync(_reviewId, "Raj Patel", "neighbour");
        var board = await (await Fran.ConnectAsync(_reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot");
        _ids = board.Participants.ToDictionary(p => p.Name, p => p.Id);
        var shared = await Fran.PostFormAsync($"/minutes/{_reviewId}", $"/minutes/{_reviewId}/share", new() { ["readers"] = _ids["Ana Jones"] });
        var closed = await Fran.PostFormAsync($"/reviews/{_reviewId}/close", $"/reviews/{_reviewId}/close", []);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (shared.StatusCode, closed.StatusCode));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _mail.DisposeAsync();
    }

    [Fact]
    public async Task TheMinutes_GoToThePersonAndThoseTheyChose_EachInTheirLanguage_WithTheMinutesAttached_AndTheTrailSaysToWhom()
    {
        var page = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync($"/minutes/{_reviewId}"));
        var form = page[page.IndexOf("id=\"email\"", StringComparison.Ordinal)..page.IndexOf("</section>", page.IndexOf("id=\"email\"", StringComparison.Ordinal), StringComparison.Ordinal)];

        var sent = await SendAsync(("Sam Jones", "sam@example.org", "Welsh"), ("Ana Jones", "ana.jones@example.org", "English"));
        var answer = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync(sent.Headers.Location!));
        var letters = _mail.Received.ToDictionary(r => Assert.Single(r.To), r => r.Message);
        var trail = App.Services.GetRequiredService<IReviewStore>().TrailOf(_reviewId);

        Assert.Contains("Send the minutes by email", form, StringComparison.Ordinal);
        Assert.Contains("Sam Jones, whose review it is", form, StringComparison.Ordinal);
        Assert.Contains("Ana Jones, sister", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Bea Cole, friend", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("The minutes were sent by email to:", answer, StringComparison.Ordinal);
        Assert.Equal(["ana.jones@example.org", "sam@example.org"], letters.Keys.Order(StringComparer.Ordinal));
        Assert.All(letters.Values, m => Assert.Equal("reviews@example.gov.uk", Assert.Single(m.From.Mailboxes).Address));
        Assert.All(letters.Values, m => Assert.Single(m.To.Mailboxes));

        var sams = letters["sam@example.org"];
        Assert.StartsWith("Cofnodion: ", sams.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Annwyl Sam Jones", sams.TextBody, StringComparison.Ordinal);
        Assert.Contains("Beth rydyn ni'n ei hoffi", WordText(sams), StringComparison.Ordinal);
        Assert.Contains(@"Sam \& the \<sea\> (Ana Jones, sister)", MarkdownText(sams), StringComparison.Ordinal);

        var anas = letters["ana.jones@example.org"];
        Assert.StartsWith("Minutes: ", anas.Subject, StringComparison.Ordinal);
        Assert.Contains("Sam Jones chose to share them with you.", anas.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sam & the <sea> (Ana Jones, sister)", WordText(anas), StringComparison.Ordinal);
        Assert.DoesNotContain("Beth rydyn ni'n ei hoffi", WordText(anas), StringComparison.Ordinal);

        Assert.Equal(new[] { _ids["Ana Jones"], _ids["Sam Jones"] }.Order(StringComparer.Ordinal), trail.Where(a => a.Action == "minutes-emailed").Select(a => a.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SomeoneThePersonDidNotChoose_CannotBeSentTheMinutes_AndNothingIsSent()
    {
        var before = await VersionAsync();

        var toRaj = await SendAsync(("Sam Jones", "sam@example.org", "Welsh"), ("Raj Patel", "raj@example.org", "English"));

        Assert.Equal(HttpStatusCode.Forbidden, toRaj.StatusCode);
        Assert.Empty(_mail.Received);
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task AnAddressThatIsNotOne_IsNamedOnTheForm_WithWhatWasTyped_AndNothingIsSent()
    {
        var before = await VersionAsync();

        var wrong = await SendAsync(("Sam Jones", "sam@example.org", "Welsh"), ("Ana Jones", "ana at home", "English"));
        var page = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        var none = await SendAsync(("Sam Jones", " ", "Welsh"));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Enter an email address for Ana Jones, like name@example.org", page, StringComparison.Ordinal);
        Assert.Contains("value=\"ana at home\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"sam@example.org\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter an email address for at least one person.", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(_mail.Received);
        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task WhenTheMailServerIsAway_ThePageSaysWhoWasNotSent_AndTheAddressesAreKeptForNextTime()
    {
        await _mail.DisposeAsync();

        var sent = await SendAsync(("Sam Jones", "sam@example.org", "Welsh"));
        var page = WebUtility.HtmlDecode(await Fran.Http.GetStringAsync(sent.Headers.Location!));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("The minutes could not be sent to:", page, StringComparison.Ordinal);
        Assert.Contains("value=\"sam@example.org\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sam@example.org", string.Join('\n', App.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTenSendings_TheMinutesAreNotSentAgain_AndThePageSaysWhy()
    {
        for (var i = 0; i < Limits.MinutesEmailed; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(("Sam Jones", "sam@example.org", "English"))).StatusCode);
        }

        var eleventh = await SendAsync(("Sam Jones", "sam@example.org", "English"));

        Assert.Equal(HttpStatusCode.OK, eleventh.StatusCode);
        Assert.Contains("sent by email 10 times", WebUtility.HtmlDecode(await eleventh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(Limits.MinutesEmailed, _mail.Received.Count);
    }

    private async Task<HttpResponseMessage> SendAsync(params (string Name, string Email, string Language)[] to)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < to.Length; i++)
        {
            fields[$"to[{i}].ParticipantId"] = _ids[to[i].Name];
            fields[$"to[{i}].Email"] = to[i].Email;
            fields[$"to[{i}].Language"] = to[i].Language;
        }

        return await Fran.PostFormAsync($"/minutes/{_reviewId}", $"/minutes/{_reviewId}/email", fields);
    }

    private async Task<long> VersionAsync() => (await (await Fran.ConnectAsync(_reviewId)).InvokeAsync<BoardSnapshot>("GetSnapshot")).Version;

    private static string WordText(MimeMessage message)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Attached(message, ".docx")), isEditable: false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static string MarkdownText(MimeMessage message) => System.Text.Encoding.UTF8.GetString(Attached(message, ".md"));

    private static byte[] Attached(MimeMessage message, string extension)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(extension, StringComparison.Ordinal) == true);
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
    }
}

/// <summary>Without a mail server in the settings, the minutes are not offered by e-mail at all.</summary>
public sealed class MinutesWithoutAMailServerTests : FreshApp
{
    [Fact]
    public async Task TheEmailForm_IsNotShown_AndItsAddressIsNotThere()
    {
        var reviewId = await Fran.CreateReviewAsync();
        await Fran.PostFormAsync($"/reviews/{reviewId}/close", $"/reviews/{reviewId}/close", []);

        var page = await Fran.Http.GetStringAsync($"/minutes/{reviewId}");
        var posted = await Fran.PostFormAsync($"/minutes/{reviewId}", $"/minutes/{reviewId}/email", new() { ["to[0].Email"] = "sam@example.org" });

        Assert.Contains("The review is closed. These are the minutes.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Send the minutes by email", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }
}
