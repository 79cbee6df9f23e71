namespace ReviewRoom.Benchmarks;

/// <summary>Many reviews at once, everyone in them editing at a steady total rate.</summary>
public class SteadyLoad(string name, int rooms, int people, double rate, double? maxRatio, bool nothingLost = false)
    : AgainstFloor(name, $"{rooms:N0} × {people:N0}")
{
    public override int Connections => rooms * people;

    /// <summary>Edits a second, across all the rooms.</summary>
    protected double Rate => rate;

    protected override async Task<MeasuredWindow> SetUpAsync(LoadGenerator load, Measurement into, BenchmarkSettings settings)
    {
        var set = await load.SetUpAsync(rooms, people, into);
        await load.WarmUpAsync(set, rate);
        var edits = (int)(rate * settings.Window.TotalSeconds);
        return _ => load.RunAsync(set, rate, edits, into);
    }

    public override string Header =>
        "| Scenario | Server | Connections | Edits/s | Seen by others p50 / p95 / p99 ms | Saved p50 / p95 / p99 ms | Memory per connection | Cores: server / benchmark | Lost | Target |\n" +
        "|---|---|--:|--:|--:|--:|--:|--:|--:|---|";

    public override IEnumerable<string> Rows(ScenarioResult result)
    {
        var (rr, floor) = (result.ReviewRoom, result.Floor);
        yield return $"| {Title} | ReviewRoom | {Connections:N0} | {rate:N0} | {Format.Three(rr.Seen)} | {Format.Three(rr.Saved)} | {Format.Kilobytes(rr.KilobytesPerConnection)} | {Format.Cores(rr)} | {Format.Lost(rr)} | |";
        yield return $"| | floor | {Connections:N0} | {rate:N0} | {Format.Three(floor.Seen)} | {Format.Three(floor.Saved)} | {Format.Kilobytes(floor.KilobytesPerConnection)} | {Format.Cores(floor)} | {Format.Lost(floor)} | |";
        yield return $"| | **ReviewRoom ÷ floor** | | | {Format.Ratios(rr.Seen, floor.Seen)} | {Format.Ratios(rr.Saved, floor.Saved)} | {Format.Ratio(rr.KilobytesPerConnection, floor.KilobytesPerConnection)} | | | {Targets(rr, floor)} |";
    }

    private string Targets(Measurement rr, Measurement floor)
    {
        if (maxRatio is not { } most)
        {
            return "none: reported as it comes";
        }

        var checks = new List<string>
        {
            Format.Check($"p99 seen ≤ {most:0.#}× floor", rr.Seen.P99 <= most * floor.Seen.P99),
        };
        if (nothingLost)
        {
            checks.Add(Format.Check("nothing lost", rr.LostDeliveries + rr.Unanswered + rr.Refused == 0));
        }

        checks.Add(Format.Check("memory ≤ 1.3× floor", rr.KilobytesPerConnection <= 1.3 * floor.KilobytesPerConnection));
        return string.Join("; ", checks);
    }
}
