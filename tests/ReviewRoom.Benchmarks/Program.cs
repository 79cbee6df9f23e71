// A load benchmark, not a test: many reviews at once, everyone adding cards over real sockets.
// It reports how long a change takes to be saved and answered, and to reach everyone else.
//   dotnet run -c Release --project tests/ReviewRoom.Benchmarks -- [reviews] [people per review] [cards each]
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

var reviews = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var people = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var cardsEach = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;

// WebApplicationFactory finds the app's content root from a manifest in the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
using var data = new DataFolder();
await using var app = ReviewRoomFactory.UseRealSocket(data);
var clock = Stopwatch.StartNew();
var answered = new ConcurrentBag<double>();
var delivered = new ConcurrentBag<double>();
var sentAt = new ConcurrentDictionary<string, double>();
var visitors = new List<Visitor>();

Console.WriteLine($"Setting up {reviews} reviews with {people} people each…");
var rooms = new List<HubConnection>();
for (var r = 0; r < reviews; r++)
{
    var facilitator = await app.NewFacilitatorAsync();
    visitors.Add(facilitator);
    var reviewId = await facilitator.CreateReviewAsync($"Person {r}");
    var invitees = new List<Visitor> { facilitator };
    for (var p = 1; p < people; p++)
    {
        var invitee = new Visitor(app);
        await invitee.JoinAsync(await facilitator.InviteAsync(reviewId, $"Invitee {p}", "friend"));
        visitors.Add(invitee);
        invitees.Add(invitee);
    }

    foreach (var visitor in invitees)
    {
        var room = await visitor.ConnectAsync(reviewId);
        room.On<CardView, long>("CardSaved", (card, _) =>
        {
            if (sentAt.TryGetValue(card.Text, out var start))
            {
                delivered.Add(clock.Elapsed.TotalMilliseconds - start);
            }
        });
        rooms.Add(room);
    }
}

Console.WriteLine($"{rooms.Count} connections. Each adds {cardsEach} cards, one after another…");
var run = Stopwatch.StartNew();
await Task.WhenAll(rooms.Select(async (room, i) =>
{
    for (var c = 0; c < cardsEach; c++)
    {
        var text = $"card {i}-{c}";
        var start = clock.Elapsed.TotalMilliseconds;
        sentAt[text] = start;
        await room.InvokeAsync<CardView>("AddCard", $"op-{i}-{c}", new CardDraft("important-to-now", text));
        answered.Add(clock.Elapsed.TotalMilliseconds - start);
    }
}));
run.Stop();

var expectedDeliveries = rooms.Count * cardsEach * people;
var giveUpAt = clock.Elapsed + TimeSpan.FromSeconds(30);
while (delivered.Count < expectedDeliveries && clock.Elapsed < giveUpAt)
{
    await Task.Delay(100);
}

Console.WriteLine($"{answered.Count} cards saved in {run.Elapsed.TotalSeconds:F1} s ({answered.Count / run.Elapsed.TotalSeconds:F0} a second)");
Report("saved and answered", answered);
Report("seen by everyone in the room", delivered);
Console.WriteLine($"deliveries: {delivered.Count} of {expectedDeliveries}");

foreach (var room in rooms)
{
    await room.DisposeAsync();
}

static void Report(string what, IEnumerable<double> samples)
{
    var sorted = samples.Order().ToArray();
    double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"{what}: p50 {At(0.50):F1} ms, p95 {At(0.95):F1} ms, p99 {At(0.99):F1} ms, max {sorted[^1]:F1} ms");
}
