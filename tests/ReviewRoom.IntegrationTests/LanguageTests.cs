using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// Welsh and English: a first visit follows the browser, a choice made with the switcher is kept,
/// an invitation opens in the review's language, and each member of a room is answered and told
/// of changes in their own language, whatever anyone else speaks.
/// </summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private const string Cards = "like-and-admire";
    private const string Actions = "actions";

    private readonly DataFolder _data = new();
    private readonly List<Visitor> _visitors = [];
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        _fran = Own(await _app.NewFacilitatorAsync());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var visitor in _visitors)
        {
            await visitor.DisposeAsync();
        }

        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task FirstVisit_FollowsTheBrowsersLanguage_AndTheSwitcherKeepsTheChoiceOverIt()
    {
        var ana = Own(new Visitor(_app));
        ana.Http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy"));

        var inWelsh = await ana.Http.GetStringAsync("/join");
        var chosen = await ana.ChooseLanguageAsync("en");
        var inEnglish = await ana.Http.GetStringAsync("/join");

        Assert.Contains("<html lang=\"cy\"", inWelsh, StringComparison.Ordinal);
        Assert.Contains("Ymuno ag adolygiad gyda chod", inWelsh, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/join"), (chosen.StatusCode, chosen.Headers.Location?.OriginalString));
        Assert.Contains("<html lang=\"en\"", inEnglish, StringComparison.Ordinal);
        Assert.Contains("Join a review with a code", inEnglish, StringComparison.Ordinal);
        Assert.Contains("lang=\"cy\">Cymraeg<span class=\"govuk-visually-hidden\">: newid yr iaith i&#x2019;r Gymraeg</span></button>", inEnglish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switcher_GoesBackOnlyToAPageOfThisSite()
    {
        var ana = Own(new Visitor(_app));

        var away = await ana.PostFormAsync("/join", "/language", new() { ["to"] = "cy", ["back"] = "https://example.org/phish" });

        Assert.Equal((HttpStatusCode.Redirect, "/"), (away.StatusCode, away.Headers.Location?.OriginalString));
        Assert.Contains("<html lang=\"cy\"", await ana.Http.GetStringAsync("/join"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationToAWelshReview_OpensInWelsh_AndWhoeverJoinsThroughIt_StaysInWelsh()
    {
        var reviewId = await _fran.CreateReviewAsync(language: nameof(Language.Welsh));
        var link = await _fran.InviteAsync(reviewId, "Ana Jones", "sister");
        var ana = Own(new Visitor(_app));

        var invitation = await ana.Http.GetStringAsync(link);
        await ana.JoinAsync(link);
        var board = await ana.Http.GetStringAsync($"/reviews/{reviewId}");
        var fransBoard = await _fran.Http.GetStringAsync($"/reviews/{reviewId}");

        Assert.Contains("<html lang=\"cy\"", invitation, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"cy\"", board, StringComparison.Ordinal);
        Assert.Contains("Beth rydyn ni&#x27;n ei hoffi a&#x27;i edmygu am Sam Jones", board, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", fransBoard, StringComparison.Ordinal);
        Assert.Contains("What we like and admire about Sam Jones", fransBoard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_AsksWhichLanguageToTakePartIn_AndTheBoardIsInTheOneChosen()
    {
        var reviewId = await _fran.CreateReviewAsync();
        var link = await _fran.InviteAsync(reviewId, "Ana Jones", "sister");
        var ana = Own(new Visitor(_app));

        var invitation = await ana.Http.GetStringAsync(link);
        await ana.PostFormAsync(link, new Uri(link).AbsolutePath, new() { ["language"] = "cy" });
        var board = await ana.Http.GetStringAsync($"/reviews/{reviewId}");

        Assert.Contains("Which language would you like to take part in?", invitation, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"cy\"", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubRefusal_ComesBackInTheCallersLanguage()
    {
        var reviewId = await _fran.CreateReviewAsync();
        var ana = await InviteeAsync(reviewId, "Ana Jones", "cy");
        var bo = await InviteeAsync(reviewId, "Bo Lane", "en");
        var anasRoom = await ana.ConnectAsync(reviewId);
        var bosRoom = await bo.ConnectAsync(reviewId);

        var toAna = await Assert.ThrowsAsync<HubException>(() => anasRoom.InvokeAsync("SetNowDiscussing", Cards));
        var toBo = await Assert.ThrowsAsync<HubException>(() => bosRoom.InvokeAsync("SetNowDiscussing", Cards));

        Assert.EndsWith("Dim ond yr hwylusydd sy'n gallu gwneud hynny.", toAna.Message, StringComparison.Ordinal);
        Assert.EndsWith("Only the facilitator can do that.", toBo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneChange_ReachesEachMemberInTheirOwnLanguage()
    {
        var reviewId = await _fran.CreateReviewAsync();
        var ana = await InviteeAsync(reviewId, "Ana Jones", "cy");
        var bo = await InviteeAsync(reviewId, "Bo Lane", "en");
        var anasRoom = await ana.ConnectAsync(reviewId);
        var bosRoom = await bo.ConnectAsync(reviewId);
        var toAna = NextDeltaWithAnAction(anasRoom);
        var toBo = NextDeltaWithAnAction(bosRoom);
        var franRoom = await _fran.ConnectAsync(reviewId);

        await franRoom.InvokeAsync<ActionView>("AddAction", Guid.NewGuid().ToString("N"), new ActionDraft(Actions, "Book the swimming lessons", "Ana Jones", ((IRunningApp)_app).Today.AddDays(21)));
        var anasSnapshot = await anasRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var (inWelsh, inEnglish) = ((await toAna).Actions!.Single(), (await toBo).Actions!.Single());
        Assert.Equal(("i'w wneud ymhen 3 wythnos", "22 Rhagfyr 2026"), (inWelsh.DueInWords, inWelsh.DueOn));
        Assert.Equal(("due in 3 weeks", "22 December 2026"), (inEnglish.DueInWords, inEnglish.DueOn));
        Assert.Equal("Camau gweithredu", anasSnapshot.Sections.Single(s => s.Id == Actions).Heading);
    }

    [Fact]
    public async Task GridCards_AddedInWelsh_AreFiledUnderTheSamePerspectiveAsInEnglish()
    {
        var reviewId = await _fran.CreateReviewAsync();
        var ana = await InviteeAsync(reviewId, "Ana Jones", "cy");
        var anasRoom = await ana.ConnectAsync(reviewId);
        var franRoom = await _fran.ConnectAsync(reviewId);
        var welshFamily = (await anasRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Sections.Single(s => s.Id == "working-not-working").Options[1];

        await anasRoom.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft("working-not-working", "Mae'r bws newydd yn help", welshFamily, true));
        var seenByFran = (await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Sections.Single(s => s.Id == "working-not-working").Cards.Single();
        var seenByAna = (await anasRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Sections.Single(s => s.Id == "working-not-working").Cards.Single();

        Assert.Equal("Teulu", welshFamily);
        Assert.Equal(("Family", "Teulu"), (seenByFran.Perspective, seenByAna.Perspective));
    }

    [Fact]
    public async Task Minutes_DownloadInThePersonsLanguage_OrEither_OrBothOneAfterTheOther()
    {
        var reviewId = await _fran.CreateReviewAsync(language: nameof(Language.Welsh));
        var room = await _fran.ConnectAsync(reviewId);
        await room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Mae Sam yn garedig"));

        var (person, english, both) = (await DownloadAsync(reviewId, ""), await DownloadAsync(reviewId, "?in=en"), await DownloadAsync(reviewId, "?in=both"));
        var sideBySide = await _fran.Http.GetStringAsync($"/minutes/{reviewId}?in=both");

        Assert.Equal("2026-12-01-sam-jones-adolygiad.md", person.File);
        Assert.Contains("## Beth rydyn ni'n ei hoffi a'i edmygu am Sam Jones", person.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What we like and admire", person.Text, StringComparison.Ordinal);
        Assert.Equal("2026-12-01-sam-jones-review.md", english.File);
        Assert.Contains("## What we like and admire about Sam Jones", english.Text, StringComparison.Ordinal);
        Assert.Equal("2026-12-01-sam-jones-adolygiad-review.md", both.File);
        Assert.True(both.Text.IndexOf("## Beth rydyn ni'n ei hoffi", StringComparison.Ordinal) < both.Text.IndexOf("## What we like and admire", StringComparison.Ordinal));
        Assert.Equal(2, CountOf("Mae Sam yn garedig", both.Text));
        Assert.Contains("<article class=\"minutes\" lang=\"cy\">", sideBySide, StringComparison.Ordinal);
        Assert.Contains("<article class=\"minutes\" lang=\"en\">", sideBySide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EasyReadMinutes_ArePlainWordsWithPictures_InThePersonsLanguage_AndTheDownloadCarriesItsPicturesInside()
    {
        var reviewId = await _fran.CreateReviewAsync(language: nameof(Language.Welsh));
        var room = await _fran.ConnectAsync(reviewId);
        await room.InvokeAsync<CardView>("AddCard", Guid.NewGuid().ToString("N"), new CardDraft(Cards, "Mae Sam yn garedig"));

        var page = await _fran.Http.GetStringAsync($"/minutes/{reviewId}/easy-read");
        var welsh = await DownloadAsync(reviewId, "", "easy-read/");
        var english = await DownloadAsync(reviewId, "?in=en", "easy-read/");

        Assert.Contains("<h2>What people like about Sam Jones</h2>", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/openmoji/2B50.svg\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _fran.Http.GetAsync("/lib/openmoji/2B50.svg")).StatusCode);
        Assert.Equal("2026-12-01-sam-jones-adolygiad-hawdd-ei-ddarllen.html", welsh.File);
        Assert.Contains("<html lang=\"cy\">", welsh.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Beth mae pobl yn ei hoffi am Sam Jones</h2>", welsh.Text, StringComparison.Ordinal);
        Assert.Contains("Dyddiad y cyfarfod: Dydd Mawrth 1 Rhagfyr 2026.", welsh.Text, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/svg+xml;base64,", welsh.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/lib/openmoji/", welsh.Text, StringComparison.Ordinal);
        Assert.Contains(".easy-read__row", welsh.Text, StringComparison.Ordinal);
        Assert.Equal("2026-12-01-sam-jones-review-easy-read.html", english.File);
        Assert.Contains("The meeting was on Tuesday 1 December 2026.", english.Text, StringComparison.Ordinal);
    }

    private async Task<(string File, string Text)> DownloadAsync(string reviewId, string query, string kind = "")
    {
        using var response = await _fran.Http.GetAsync($"/minutes/{reviewId}/{kind}download{query}");
        return (response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), await response.Content.ReadAsStringAsync());
    }

    private static int CountOf(string part, string text) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private Visitor Own(Visitor visitor)
    {
        _visitors.Add(visitor);
        return visitor;
    }

    private async Task<Visitor> InviteeAsync(string reviewId, string name, string language)
    {
        var invitee = Own(new Visitor(_app));
        await invitee.ChooseLanguageAsync(language);
        var joined = await invitee.JoinAsync(await _fran.InviteAsync(reviewId, name, "friend"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        return invitee;
    }

    private static Task<BoardDelta> NextDeltaWithAnAction(HubConnection room)
    {
        var delta = new TaskCompletionSource<BoardDelta>(TaskCreationOptions.RunContinuationsAsynchronously);
        room.On<BoardDelta>("Changed", changed =>
        {
            if (changed.Actions is { Count: > 0 })
            {
                delta.TrySetResult(changed);
            }
        });
        return delta.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }
}
