// ReviewRoom against its floor, in one run: each scenario alternates measured windows between the two
// (the flood alternates quiet and flooded windows on ReviewRoom alone).
//   dotnet run -c Release --project tests/ReviewRoom.Benchmarks -- [scenario names…] [--window 10] [--windows 3]
// The floor server is this program again: ReviewRoom.Benchmarks floor <port> <file>.
using System.Diagnostics;
using System.Globalization;
using ReviewRoom.Benchmarks;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["floor", var port, var file])
{
    await FloorServer.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), file);
    return 0;
}

Scenario[] scenarios =
[
    new SteadyLoad("10x30", rooms: 10, people: 30, rate: 60, maxRatio: 1.5),
    new SteadyLoad("1x100", rooms: 1, people: 100, rate: 20, maxRatio: 1.5),
    new SteadyLoad("100x10", rooms: 100, people: 10, rate: 200, maxRatio: 1.5),
    new SteadyLoad("500x10", rooms: 500, people: 10, rate: 100, maxRatio: 3, nothingLost: true),
    new TwoServersLoad("500x10-two-servers", rooms: 500, people: 10, rate: 100),
    new SteadyLoad("1000x10", rooms: 1000, people: 10, rate: 100, maxRatio: null),
    new JoinStorm("join-storm", present: 10, arriving: 100, arrivingWithin: TimeSpan.FromSeconds(1), rate: 20),
    new Growth("growth", cards: 2000, rate: 100),
    new Flood("flood", people: 10, rate: 5, inFlight: 4, maxRatio: 2),
];
string[] notByDefault = ["1000x10"];

var window = TimeSpan.FromSeconds(10);
var windows = 3;
var chosen = new List<Scenario>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--window" when i + 1 < args.Length:
            window = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
            break;
        case "--windows" when i + 1 < args.Length:
            windows = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case var name when scenarios.FirstOrDefault(s => s.Name == name) is { } scenario:
            chosen.Add(scenario);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Scenarios: {string.Join(", ", scenarios.Select(s => s.Name))}; options: --window <seconds>, --windows <count>.");
            return 2;
    }
}

if (chosen.Count == 0)
{
    chosen.AddRange(scenarios.Where(s => !notByDefault.Contains(s.Name)));
}

// Thousands of connections open at once; without this the pool grows a thread or two a second and set-up stalls.
ThreadPool.SetMinThreads(200, 200);
var settings = new BenchmarkSettings(window, windows);
var clock = Stopwatch.StartNew();
var results = new List<ScenarioResult>();
foreach (var scenario in chosen)
{
    Progress.Say($"{scenario.Name}: {scenario.Title}, {scenario.Connections:N0} connections on each server");
    results.Add(await scenario.RunAsync(settings));
}

Console.WriteLine(Report.Markdown(results, settings, clock.Elapsed));
return 0;
