using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Access;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The code on the big screen lets people ask to come in; only the facilitator or the person lets them in.</summary>
public sealed class JoinByCodeTests : FreshApp
{
    private string _reviewId = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _reviewId = await Fran.CreateReviewAsync();
    }

    [Fact]
    public async Task SomeoneTurnedAway_IsToldSo_AndNeverSeesTheBoard()
    {
        await using var bo = new Visitor(App);
        var lobby = await bo.AskToJoinAsync(await Fran.OpenJoinCodeAsync(_reviewId));
        Assert.Equal($"/lobby/{_reviewId}", lobby);
        Assert.Contains("Waiting to be let in", await bo.Http.GetStringAsync(lobby), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode);

        var room = await Fran.ConnectAsync(_reviewId);
        var waiting = (await room.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Single(p => p.Waiting);
        Assert.Equal(("Bo Lane", "friend"), (waiting.Name, waiting.Relationship));
        await room.InvokeAsync("Admit", waiting.Id, false);

        Assert.Contains("You have not been let in", await bo.Http.GetStringAsync(lobby), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode);
        Assert.DoesNotContain((await room.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants, p => p.Name == "Bo Lane");
    }

    [Fact]
    public async Task NewCode_StopsTheOldOneWorking_AndTurningItOff_StopsBoth()
    {
        var first = await Fran.OpenJoinCodeAsync(_reviewId);
        var second = await Fran.OpenJoinCodeAsync(_reviewId);
        await using var bo = new Visitor(App);

        Assert.Matches("^[0-9]{6}$", second);
        Assert.NotEqual(first, second);
        Assert.Null(await bo.AskToJoinAsync(first));

        await Fran.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/joincode", new() { ["open"] = "false" });

        Assert.Equal("", await Fran.JoinCodeAsync(_reviewId));
        Assert.Null(await bo.AskToJoinAsync(second));
    }

    [Fact]
    public async Task WrongCode_AndACodeTurnedOff_GetTheSameAnswer_SoNeitherRevealsAReview()
    {
        var code = await Fran.OpenJoinCodeAsync(_reviewId);
        await Fran.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/joincode", new() { ["open"] = "false" });
        await using var bo = new Visitor(App);

        var turnedOff = await bo.PostFormAsync("/join", "/join", new() { ["Code"] = code, ["Name"] = "Bo", ["Relationship"] = "friend" });
        var neverMade = await bo.PostFormAsync("/join", "/join", new() { ["Code"] = code == "000000" ? "000001" : "000000", ["Name"] = "Bo", ["Relationship"] = "friend" });

        Assert.Equal(turnedOff.StatusCode, neverMade.StatusCode);
        Assert.Equal(Errors(await turnedOff.Content.ReadAsStringAsync()), Errors(await neverMade.Content.ReadAsStringAsync()));
        Assert.Contains("That code did not work", Errors(await neverMade.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewHasNoCode_UntilTheFacilitatorShowsOne_AndItStopsWorkingAtMidnight()
    {
        var before = await Fran.JoinCodeAsync(_reviewId);
        var code = await Fran.OpenJoinCodeAsync(_reviewId);
        await using var bo = new Visitor(App);
        await using var late = new Visitor(App);

        var onTheDay = await bo.AskToJoinAsync(code);
        App.Clock.Now = MeetingDay.EndOf(App.Clock.Now);
        var afterMidnight = await late.AskToJoinAsync(code);
        await Fran.SignInAsync("fran@example.org");
        var shownNextDay = await Fran.JoinCodeAsync(_reviewId);

        Assert.Equal("", before);
        Assert.Equal("", shownNextDay);
        Assert.Equal($"/lobby/{_reviewId}", onTheDay);
        Assert.Null(afterMidnight);
    }

    [Fact]
    public async Task TwoHundredWrongCodesSentAtOnce_AreHeldToTheBudget_AndTheRestAreAskedToWait()
    {
        await Fran.OpenJoinCodeAsync(_reviewId);
        await using var guesser = new Visitor(App);
        var token = Antiforgery(await guesser.Http.GetStringAsync("/join"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await guesser.Http.PostAsync("/join", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Code"] = $"9{i:D5}", ["Name"] = "Guess", ["Relationship"] = "none",
            }));
            return Errors(await response.Content.ReadAsStringAsync());
        }));

        // Every address may try a few, and then one more each half minute: never all 200.
        Assert.Equal(JoinCodeBudget.PerAddress + 1, answers.Count(a => a.Contains("That code did not work", StringComparison.Ordinal)));
        Assert.Equal(200 - JoinCodeBudget.PerAddress - 1, answers.Count(a => a.Contains("Wait 30 seconds, then try again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARightCode_DoesNotResetTheCount_NorDoesARestart_ButNobodyIsLockedOutForLong()
    {
        var code = await Fran.OpenJoinCodeAsync(_reviewId);
        await using var guesser = new Visitor(App);
        for (var i = 0; i < JoinCodeBudget.PerAddress - 1; i++)
        {
            Assert.Null(await guesser.AskToJoinAsync(Wrong(code, i)));
        }

        await using var bo = new Visitor(App);
        Assert.NotNull(await bo.AskToJoinAsync(code));
        Assert.Null(await guesser.AskToJoinAsync(Wrong(code, 98)));
        Assert.Null(await guesser.AskToJoinAsync(Wrong(code, 99)));
        await App.DisposeAsync();
        App = new ReviewRoomFactory(Data);
        App.Clock.Now += TimeSpan.FromSeconds(10);
        await using var sameWifi = new Visitor(App);

        var right = await sameWifi.PostFormAsync("/join", "/join", new() { ["Code"] = code, ["Name"] = "Raj", ["Relationship"] = "support worker" });
        App.Clock.Now += JoinCodeBudget.AddressSlowDown;
        var halfAMinuteLater = await sameWifi.AskToJoinAsync(code, "Raj");

        Assert.Contains("Wait 20 seconds, then try again", Errors(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal($"/lobby/{_reviewId}", halfAMinuteLater);
    }

    private static string Wrong(string code, int i) => (int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)[^6..];

    internal static string Antiforgery(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    internal static string Errors(string page) =>
        string.Join('\n', page.Split('\n').Where(line => line.Contains("govuk-error", StringComparison.Ordinal)));
}
