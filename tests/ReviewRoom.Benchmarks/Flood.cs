using ReviewRoom.Infrastructure;

namespace ReviewRoom.Benchmarks;

/// <summary>
/// A flooding invitee, on ReviewRoom alone and with the limits it ships with: the polite members of
/// one review edit at a steady rate throughout, and the windows alternate between quiet and flooded,
/// when one more invitee (a new one each time) calls from as many tabs as it may open, and connects
/// again at once if a connection is ended. The ratio is against ReviewRoom
/// itself, so no floor is needed. One review serves every window: the rate limit holds the flooder
/// to its burst and refill, so the board stays far below its cap.
/// </summary>
public sealed class Flood(string name, int people, double rate, int inFlight, double maxRatio)
    : Scenario(name, $"1 review of {people}, one of them flooding")
{
    private static readonly ChangeLimits Limits = new();

    public override int Connections => people - 1 + Limits.ConnectionsPerParticipant;

    public override async Task<ScenarioResult> RunAsync(BenchmarkSettings settings)
    {
        var (quiet, flooded, flooding) = (new Measurement(), new Measurement(), Flooding.None);
        await using var target = await ReviewRoomTarget.StartAsync(ReviewRoomTarget.Shipped);
        var load = new LoadGenerator(target);
        var polite = await load.SetUpAsync(1, people - 1, quiet);
        async Task<ReviewRoomFlooder> NewFlooderAsync() => await target.JoinFlooderAsync(polite[0].Id, await target.InviteAsync(polite[0].Id));
        // The flood is warmed up too, so no window times the server compiling its refusals.
        await (await NewFlooderAsync()).FloodAsync(Limits.ConnectionsPerParticipant, inFlight, () => load.WarmUpAsync(polite, rate));
        var edits = (int)(rate * settings.Window.TotalSeconds);
        for (var w = 0; w < settings.Windows; w++)
        {
            await load.RunAsync(polite, rate, edits, quiet);
            Progress.Say($"{Name}: quiet window {w + 1} done");
            // A new flooder each time: the last one is still sent away.
            var flooder = await NewFlooderAsync();
            flooding = flooding.Add(await flooder.FloodAsync(Limits.ConnectionsPerParticipant, inFlight, () => load.RunAsync(polite, rate, edits, flooded)));
            Progress.Say($"{Name}: flooded window {w + 1} done");
        }

        return new FloodResult(this, quiet, flooded, flooding);
    }

    public override string Header =>
        "| Scenario | Windows | Polite edits/s | Seen by others p50 / p95 / p99 ms | Saved p50 / p95 / p99 ms | Flooder's calls answered / refused (connections ended) | … a second | Cores: server / benchmark | Lost | Target |\n" +
        "|---|---|--:|--:|--:|--:|--:|--:|--:|---|";

    public override IEnumerable<string> Rows(ScenarioResult result)
    {
        var (quiet, flooded, flooding) = (FloodResult)result;
        yield return $"| {Title}: shipped limits, burst {Limits.ChangeBurst}, {Limits.ChangesPerSecond:0.#} a second, {Limits.ConnectionsPerParticipant} connections, " +
            $"{inFlight} calls in flight on each | quiet | {rate:N0} | {Format.Three(quiet.Seen)} | {Format.Three(quiet.Saved)} | | | {Format.Cores(quiet)} | {Format.Lost(quiet)} | |";
        yield return $"| | flooded | {rate:N0} | {Format.Three(flooded.Seen)} | {Format.Three(flooded.Saved)} | {flooding.Answered:N0} / {flooding.Refused:N0} ({flooding.Ended:N0}) | " +
            $"{Format.PerSecond(flooding.Answered, flooding.Took)} / {Format.PerSecond(flooding.Refused, flooding.Took)} | {Format.Cores(flooded)} | {Format.Lost(flooded)} | |";
        yield return $"| | **flooded ÷ quiet** | | {Format.Ratios(flooded.Seen, quiet.Seen)} | {Format.Ratios(flooded.Saved, quiet.Saved)} | | | | | " +
            $"{Format.Check($"polite p99 seen ≤ {maxRatio:0.#}× quiet", flooded.Seen.P99 <= maxRatio * quiet.Seen.P99)}; " +
            $"{Format.Check($"polite p99 saved ≤ {maxRatio:0.#}× quiet", flooded.Saved.P99 <= maxRatio * quiet.Saved.P99)} |";
    }
}

/// <summary>The flood's result: its quiet windows stand where the floor stands in the other scenarios.</summary>
public sealed record FloodResult(Scenario Scenario, Measurement Quiet, Measurement Flooded, Flooding Flooding)
    : ScenarioResult(Scenario, Flooded, Quiet, Alternated: true)
{
    public override IEnumerable<(string Name, Measurement Measured)> Named => [("ReviewRoom, quiet", Quiet), ("ReviewRoom, flooded", Flooded)];

    public void Deconstruct(out Measurement quiet, out Measurement flooded, out Flooding flooding) => (quiet, flooded, flooding) = (Quiet, Flooded, Flooding);
}
