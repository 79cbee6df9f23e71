namespace ReviewRoom.Benchmarks;

/// <summary>
/// The steady load on two servers (PostgreSQL and Redis between them, each room's people split
/// between the two) against one server on its LiteDB file: what moving up costs a room.
/// </summary>
public sealed class TwoServersLoad(string name, int rooms, int people, double rate)
    : SteadyLoad(name, rooms, people, rate, maxRatio: null, nothingLost: true)
{
    protected override async Task<ITarget> StartMeasuredAsync() => await ReviewRoomTarget.StartTwoServersAsync();

    protected override async Task<ITarget> StartBaselineAsync() => await ReviewRoomTarget.StartAsync();

    public override string Header =>
        "| Scenario | Servers | Connections | Edits/s | Seen by others p50 / p95 / p99 ms | Saved p50 / p95 / p99 ms | Memory per connection | Cores: servers / benchmark | Lost |\n" +
        "|---|---|--:|--:|--:|--:|--:|--:|--:|";

    public override IEnumerable<string> Rows(ScenarioResult result)
    {
        var (two, one) = (result.ReviewRoom, result.Floor);
        yield return $"| {Title}, two servers | PostgreSQL + Redis, people split | {Connections:N0} | {Rate:N0} | {Format.Three(two.Seen)} | {Format.Three(two.Saved)} | {Format.Kilobytes(two.KilobytesPerConnection)} | {Format.Cores(two)} | {Format.Lost(two)} |";
        yield return $"| | one server, LiteDB | {Connections:N0} | {Rate:N0} | {Format.Three(one.Seen)} | {Format.Three(one.Saved)} | {Format.Kilobytes(one.KilobytesPerConnection)} | {Format.Cores(one)} | {Format.Lost(one)} |";
        yield return $"| | **two ÷ one** | | | {Format.Ratios(two.Seen, one.Seen)} | {Format.Ratios(two.Saved, one.Saved)} | {Format.Ratio(two.KilobytesPerConnection, one.KilobytesPerConnection)} | | |";
    }
}
