namespace ReviewRoom.Benchmarks;

/// <summary>
/// One review fills up: one person adds card after card while another watches. Does the two
/// thousandth card save as fast as the hundredth? Each window fills a fresh review.
/// </summary>
public sealed class Growth(string name, int cards, double rate) : AgainstFloor(name, $"{cards:N0} cards in 1 review")
{
    private const int Around = 50;
    private const int Early = 100;

    public override int Connections => 2;

    protected override async Task<MeasuredWindow> SetUpAsync(LoadGenerator load, Measurement into, BenchmarkSettings settings)
    {
        // The first review only warms the server up, so the measured ones start empty.
        var reviews = await load.SetUpAsync(settings.Windows + 1, 2, into);
        await load.WarmUpAsync([reviews[0]], rate, editorsPerRoom: 1);
        return w => load.RunAsync([reviews[w + 1]], rate, cards, into, editorsPerRoom: 1);
    }

    public override string Header =>
        $"| Scenario | Server | Saved median, cards {Early - Around}–{Early + Around} | Saved median, cards {cards - 2 * Around:N0}–{cards:N0} | Last ÷ early | Seen by others p50 / p95 / p99 ms | Lost | Target |\n" +
        "|---|---|--:|--:|--:|--:|--:|---|";

    public override IEnumerable<string> Rows(ScenarioResult result)
    {
        var rr = result.ReviewRoom;
        yield return Row($"{Title}, {rate:N0} a second", "ReviewRoom", rr, Format.Check($"card {cards:N0} ≤ 1.3× card {Early}", Late(rr) <= 1.3 * EarlyMedian(rr)));
        yield return Row("", "floor", result.Floor, "");
    }

    private string Row(string scenario, string server, Measurement m, string target) =>
        $"| {scenario} | {server} | {Format.Ms(EarlyMedian(m))} | {Format.Ms(Late(m))} | {Format.Ratio(Late(m), EarlyMedian(m))} | {Format.Three(m.Seen)} | {Format.Lost(m)} | {target} |";

    // Card n is edit n - 1 of its window.
    private static double EarlyMedian(Measurement m) => m.SavedBetween(Early - Around - 1, Early + Around).P50;

    private double Late(Measurement m) => m.SavedBetween(cards - 2 * Around - 1, cards).P50;
}
