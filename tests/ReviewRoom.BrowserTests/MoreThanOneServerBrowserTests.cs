using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>
/// Two server processes on one PostgreSQL and one Redis, behind haproxy, as the README's "More than
/// one server" sets them up; the browsers know only the proxy's address.
/// </summary>
public sealed class MoreThanOneServerBrowserTests(Chromium chromium) : IDisposable
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    private readonly DataFolder _firstsData = new();
    private readonly DataFolder _secondsData = new();

    public void Dispose()
    {
        _firstsData.Dispose();
        _secondsData.Dispose();
    }

    [Fact]
    public async Task AFacilitatorAndARelativeOnDifferentServers_ShareOneBoard_AndWhenTheRelativesServerDies_TheirPageCarriesOnOnTheOther()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var settings = ServerProcess.AsEnvironment((await postgres.StoreSettingsAsync()).Append(new("ReviewRoom:Redis", redis.Configuration)));
        await using var first = await ServerProcess.StartAsync(_firstsData, settings);
        await using var second = await ServerProcess.StartAsync(_secondsData, settings);
        await using var proxy = await HaProxy.StartAsync([first, second]);
        await using var facilitator = await Participant.ArriveAsync(chromium.Browser, proxy.RootUri, "facilitator-on-two-servers");
        await using var relative = await Participant.ArriveAsync(chromium.Browser, proxy.RootUri, "relative-on-two-servers", width: 390);
        // Set up on the first server itself, whose log has the setup code; the cookie holds for the proxy's address too.
        await facilitator.SetUpAsync(first);
        await facilitator.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-02");
        await relative.JoinAsync(await facilitator.InviteAsync("Ana Jones", "sister"));
        var (facilitatorsServer, relativesServer) = (await facilitator.ServerAsync(), await relative.ServerAsync());
        await relative.AddCardAsync(LikeAndAdmire, "Sam makes everyone laugh");
        await Expect(facilitator.Section(LikeAndAdmire)).ToContainTextAsync("Sam makes everyone laugh");
        await Expect(facilitator.Page.Locator("#here-now")).ToContainTextAsync("Ana Jones, sister");

        Assert.NotEqual(facilitatorsServer, relativesServer);
        var reconnecting = relative.Page.WaitForWebSocketAsync();

        (relativesServer == HaProxy.ServerName(0) ? first : second).Kill();

        // Ana's page reconnects through the proxy, to the server still running, and she carries on.
        await reconnecting;
        await relative.ExpectLiveAsync();
        await relative.AddCardAsync(LikeAndAdmire, "Sam is a loyal friend");
        await Expect(facilitator.Section(LikeAndAdmire)).ToContainTextAsync("Sam is a loyal friend");
        await Expect(relative.Section(LikeAndAdmire)).ToContainTextAsync("Sam makes everyone laugh");
        await relative.Page.ReloadAsync();
        await Expect(relative.Section(LikeAndAdmire)).ToContainTextAsync("Sam is a loyal friend");
        await facilitator.ScreenshotAsync("board");
        await relative.ScreenshotAsync("board");

        Assert.NotEqual(relativesServer, await relative.ServerAsync());
    }
}
