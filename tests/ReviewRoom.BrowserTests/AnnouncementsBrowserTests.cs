using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>What a screen reader hears of other people's changes: gathered, at most every five seconds, and only if wanted.</summary>
public sealed class AnnouncementsBrowserTests(Chromium chromium) : LiveApp
{
    private const string LikeAndAdmire = "What we like and admire about Sam Jones";

    // Every change to what the announcer says, with when: performance.now() in the page. The region
    // starts with something in it, so each message's clearing (done as it is said, before the frame
    // that shows it) is seen too.
    private const string Listen = """
        () => {
            window.said = [];
            const region = document.getElementById('announcer');
            region.textContent = '…';
            new MutationObserver(() => window.said.push({ at: performance.now(), text: region.textContent }))
                .observe(region, { childList: true, characterData: true, subtree: true });
        }
        """;

    [Fact]
    public async Task OthersChanges_AreReadOutTogether_AtMostEveryFiveSeconds_AndNotAtAllOnceTurnedOff()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var ana = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "relative");
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        await ana.JoinAsync(await fran.InviteAsync("Ana Jones", "sister"));
        await Expect(fran.Page.Locator("#here-now")).ToContainTextAsync("Ana Jones, sister");
        var focused = ana.Section(LikeAndAdmire).GetByRole(AriaRole.Textbox);
        await focused.FocusAsync();
        await ana.Page.EvaluateAsync(Listen);

        await fran.AddCardAsync(LikeAndAdmire, "Sam is kind");
        await fran.AddCardAsync(LikeAndAdmire, "Sam is funny");
        await fran.AddCardAsync(LikeAndAdmire, "Sam is brave");

        var announcer = ana.Page.Locator("#announcer");
        await Expect(announcer).ToHaveTextAsync($"2 new cards in {LikeAndAdmire}.");
        var said = await Said(ana);
        var spoken = said.Where(s => s.Text != "").ToList();
        var cleared = said.Where(s => s.Text == "").ToList();
        Assert.Equal(["Fran Facilitator added to What we like and admire about Sam Jones: Sam is kind", $"2 new cards in {LikeAndAdmire}."], spoken.Select(s => s.Text));
        // Said 5 s apart, timed by each message's clearing, which happens as it is said (timers never fire
        // early; the observer sees it a moment later, well under a millisecond): the frame that then shows
        // the words can come late on a busy machine, and would blur the gap.
        Assert.Equal(2, cleared.Count);
        Assert.True(cleared[1].At - cleared[0].At >= 5000 - 1, $"Said again after {cleared[1].At - cleared[0].At:N0} ms.");
        await Expect(focused).ToBeFocusedAsync();

        var readOut = ana.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Read out other people’s changes" });
        await readOut.UncheckAsync();
        await fran.AddCardAsync(LikeAndAdmire, "Sam is a good cook");
        await Expect(ana.Section(LikeAndAdmire).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await ana.Page.ReloadAsync();
        await ana.ExpectLiveAsync();
        await Expect(readOut).Not.ToBeCheckedAsync();
        await readOut.CheckAsync();
        await fran.AddCardAsync(LikeAndAdmire, "Sam loves the sea");

        // Only the card added since it was turned on again is read out: the one added while off was never gathered.
        await Expect(announcer).ToHaveTextAsync("Fran Facilitator added to What we like and admire about Sam Jones: Sam loves the sea");
    }

    private static async Task<IReadOnlyList<(double At, string Text)>> Said(Participant who) =>
        [.. System.Text.Json.JsonSerializer.Deserialize<Saying[]>(await who.Page.EvaluateAsync<string>("() => JSON.stringify(window.said)"), JsonOptions)!.Select(s => (s.At, s.Text))];

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record Saying(double At, string Text);
}
