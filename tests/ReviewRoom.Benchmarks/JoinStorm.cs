using System.Diagnostics;

namespace ReviewRoom.Benchmarks;

/// <summary>
/// A crowd arrives: while a review is being edited, many people open their links within a second.
/// Each window has its own review and crowd (invited beforehand); only the people there from the
/// start measure the edits.
/// </summary>
public sealed class JoinStorm(string name, int present, int arriving, TimeSpan arrivingWithin, double rate)
    : AgainstFloor(name, $"{arriving} join 1 review of {present}")
{
    private static readonly TimeSpan StormStartsAfter = TimeSpan.FromSeconds(1);

    public override int Connections => present + arriving;

    protected override async Task<MeasuredWindow> SetUpAsync(LoadGenerator load, Measurement into, BenchmarkSettings settings)
    {
        // A review takes 150 people at most, so each window's crowd arrives in a review of its own.
        var reviews = await load.SetUpAsync(settings.Windows, present, into);
        var crowds = new List<string[]>();
        foreach (var review in reviews)
        {
            var crowd = new string[arriving];
            for (var p = 0; p < arriving; p++)
            {
                crowd[p] = await load.Target.InviteAsync(review.Id);
            }

            crowds.Add(crowd);
        }

        await load.WarmUpAsync(reviews, rate);
        var edits = (int)(rate * settings.Window.TotalSeconds);
        return async w =>
        {
            var editing = load.RunAsync([reviews[w]], rate, edits, into);
            var stormAt = Stopwatch.GetTimestamp() + (long)(StormStartsAfter.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(crowds[w].Select(async (invitation, p) =>
            {
                await LoadGenerator.WaitUntilAsync(stormAt + (long)(p * arrivingWithin.TotalSeconds / arriving * Stopwatch.Frequency));
                var started = Stopwatch.GetTimestamp();
                var member = await load.JoinAsync(reviews[w].Id, invitation);
                await member.ConnectAsync(_ => { });
                into.AddJoin(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }));
            await editing;
        };
    }

    public override string Header =>
        "| Scenario | Server | Join p50 / p99 ms | Seen by others p50 / p95 / p99 ms | Saved p50 / p95 / p99 ms | Cores: server / benchmark | Lost |\n" +
        "|---|---|--:|--:|--:|--:|--:|";

    public override IEnumerable<string> Rows(ScenarioResult result)
    {
        var (rr, floor) = (result.ReviewRoom, result.Floor);
        yield return $"| {Title}, {arriving / arrivingWithin.TotalSeconds:N0} a second, {rate:N0} edits/s | ReviewRoom | {Format.Two(rr.Joins)} | {Format.Three(rr.Seen)} | {Format.Three(rr.Saved)} | {Format.Cores(rr)} | {Format.Lost(rr)} |";
        yield return $"| | floor | {Format.Two(floor.Joins)} | {Format.Three(floor.Seen)} | {Format.Three(floor.Saved)} | {Format.Cores(floor)} | {Format.Lost(floor)} |";
        yield return $"| | **ReviewRoom ÷ floor** | {Format.Ratio(rr.Joins.P50, floor.Joins.P50)} / {Format.Ratio(rr.Joins.P99, floor.Joins.P99)} | {Format.Ratios(rr.Seen, floor.Seen)} | {Format.Ratios(rr.Saved, floor.Saved)} | | |";
    }
}
