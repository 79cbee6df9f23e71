using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The code on the big screen lets people ask to come in; only the facilitator or the person lets them in.</summary>
public sealed class JoinByCodeTests : IAsyncLifetime
{
    private readonly DataFolder _data = new();
    private ReviewRoomFactory _app = null!;
    private Visitor _fran = null!;
    private string _reviewId = "";

    public async ValueTask InitializeAsync()
    {
        _app = new ReviewRoomFactory(_data);
        _fran = await _app.NewFacilitatorAsync();
        _reviewId = await _fran.CreateReviewAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _fran.DisposeAsync();
        await _app.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SomeoneTurnedAway_IsToldSo_AndNeverSeesTheBoard()
    {
        await using var bo = new Visitor(_app);
        var lobby = await bo.AskToJoinAsync(await _fran.JoinCodeAsync(_reviewId));
        Assert.Equal($"/lobby/{_reviewId}", lobby);
        Assert.Contains("Waiting to be let in", await bo.Http.GetStringAsync(lobby), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bo.Http.GetAsync($"/reviews/{_reviewId}")).StatusCode);

        var room = await _fran.ConnectAsync(_reviewId);
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
        var first = await _fran.JoinCodeAsync(_reviewId);
        await _fran.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/joincode", new() { ["open"] = "true" });
        var second = await _fran.JoinCodeAsync(_reviewId);
        await using var bo = new Visitor(_app);

        Assert.Matches("^[0-9]{6}$", second);
        Assert.NotEqual(first, second);
        Assert.Null(await bo.AskToJoinAsync(first));

        await _fran.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/joincode", new() { ["open"] = "false" });

        Assert.Equal("", await _fran.JoinCodeAsync(_reviewId));
        Assert.Null(await bo.AskToJoinAsync(second));
    }

    [Fact]
    public async Task WrongCode_AndACodeTurnedOff_GetTheSameAnswer_SoNeitherRevealsAReview()
    {
        var code = await _fran.JoinCodeAsync(_reviewId);
        await _fran.PostFormAsync($"/reviews/{_reviewId}", $"/reviews/{_reviewId}/joincode", new() { ["open"] = "false" });
        await using var bo = new Visitor(_app);

        var turnedOff = await bo.PostFormAsync("/join", "/join", new() { ["Code"] = code, ["Name"] = "Bo", ["Relationship"] = "friend" });
        var neverMade = await bo.PostFormAsync("/join", "/join", new() { ["Code"] = code == "000000" ? "000001" : "000000", ["Name"] = "Bo", ["Relationship"] = "friend" });

        Assert.Equal(turnedOff.StatusCode, neverMade.StatusCode);
        Assert.Equal(Errors(await turnedOff.Content.ReadAsStringAsync()), Errors(await neverMade.Content.ReadAsStringAsync()));
        Assert.Contains("That code did not work", Errors(await neverMade.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static string Errors(string page) =>
        string.Join('\n', page.Split('\n').Where(line => line.Contains("govuk-error", StringComparison.Ordinal)));
}
