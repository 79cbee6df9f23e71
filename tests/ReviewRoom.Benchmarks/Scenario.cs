namespace ReviewRoom.Benchmarks;

public sealed record BenchmarkSettings(TimeSpan Window, int Windows);

/// <summary>A scenario's measured window on one target, numbered from 0.</summary>
public delegate Task MeasuredWindow(int number);

public record ScenarioResult(Scenario Scenario, Measurement ReviewRoom, Measurement Floor, bool Alternated)
{
    /// <summary>Each measurement by the name the notes under the tables give it.</summary>
    public virtual IEnumerable<(string Name, Measurement Measured)> Named => [("ReviewRoom", ReviewRoom), ("floor", Floor)];
}

/// <summary>A situation to measure, with its own table.</summary>
public abstract class Scenario(string name, string title)
{
    public string Name => name;

    public string Title => title;

    /// <summary>Connections the scenario opens on one target.</summary>
    public abstract int Connections { get; }

    /// <summary>The head of this scenario's table; scenarios with the same head share a table.</summary>
    public abstract string Header { get; }

    public abstract IEnumerable<string> Rows(ScenarioResult result);

    public abstract Task<ScenarioResult> RunAsync(BenchmarkSettings settings);
}

/// <summary>
/// A situation to measure on ReviewRoom and on the floor. Each target is set up once, outside the
/// measured windows, and the windows alternate between the two (ReviewRoom, floor, ReviewRoom, …),
/// so that whatever else the machine is doing falls on both alike.
/// </summary>
public abstract class AgainstFloor(string name, string title) : Scenario(name, title)
{
    protected abstract Task<MeasuredWindow> SetUpAsync(LoadGenerator load, Measurement into, BenchmarkSettings settings);

    /// <summary>What is measured: ReviewRoom, as one server.</summary>
    protected virtual async Task<ITarget> StartMeasuredAsync() => await ReviewRoomTarget.StartAsync();

    /// <summary>What it is measured against: the floor.</summary>
    protected virtual async Task<ITarget> StartBaselineAsync() => await FloorTarget.StartAsync();

    public override async Task<ScenarioResult> RunAsync(BenchmarkSettings settings)
    {
        var reviewRoom = new Measurement();
        var floor = new Measurement();
        // Each connection is a socket in this process and in the server, so both targets at once may not fit.
        var alternate = 2 * Connections + 1000 <= ServerMemory.OpenFileLimit();
        if (alternate)
        {
            await using var reviewRoomTarget = await StartMeasuredAsync();
            await using var floorTarget = await StartBaselineAsync();
            var onReviewRoom = await SetUpLoggedAsync(reviewRoomTarget, reviewRoom, settings);
            var onFloor = await SetUpLoggedAsync(floorTarget, floor, settings);
            for (var w = 0; w < settings.Windows; w++)
            {
                await WindowLoggedAsync(reviewRoomTarget, onReviewRoom, w);
                await WindowLoggedAsync(floorTarget, onFloor, w);
            }
        }
        else
        {
            await RunAloneAsync(await StartMeasuredAsync(), reviewRoom, settings);
            await RunAloneAsync(await StartBaselineAsync(), floor, settings);
        }

        return new(this, reviewRoom, floor, alternate);
    }

    private async Task RunAloneAsync(ITarget target, Measurement into, BenchmarkSettings settings)
    {
        await using (target)
        {
            var window = await SetUpLoggedAsync(target, into, settings);
            for (var w = 0; w < settings.Windows; w++)
            {
                await WindowLoggedAsync(target, window, w);
            }
        }
    }

    private async Task<MeasuredWindow> SetUpLoggedAsync(ITarget target, Measurement into, BenchmarkSettings settings)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var window = await SetUpAsync(new LoadGenerator(target), into, settings);
        Progress.Say($"{Name}: {target.Name} set up in {clock.Elapsed.TotalSeconds:F0} s");
        return window;
    }

    private async Task WindowLoggedAsync(ITarget target, MeasuredWindow window, int number)
    {
        await window(number);
        Progress.Say($"{Name}: {target.Name} window {number + 1} done");
    }
}

public static class Progress
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Progress goes to standard error, so standard output is the table alone.</summary>
    public static void Say(string line) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {line}");
}
