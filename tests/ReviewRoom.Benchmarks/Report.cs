using System.Globalization;
using System.Text;

namespace ReviewRoom.Benchmarks;

/// <summary>The results as Markdown, ready for the README.</summary>
public static class Report
{
    public static string Markdown(IReadOnlyList<ScenarioResult> results, BenchmarkSettings settings, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"ReviewRoom against its floor (raw Kestrel WebSockets, no SignalR, each edit fsynced to a file in group commits), " +
            $"{settings.Windows} × {settings.Window.TotalSeconds:0.#} s windows each, alternating between the two, " +
            $"on {Environment.ProcessorCount} cores shared with the load generator; {took.TotalMinutes:0.#} minutes in all.");
        text.AppendLine();
        text.AppendLine("Open loop: edits leave on schedule whatever the answers. *Seen by others* is measured at every other member of the room, " +
            "*saved* at the editor; both servers get a second of unmeasured edits first. *Memory per connection* is what the server process's " +
            "resident memory (VmRSS) grew by while the last nine tenths of the people connected, divided by them; the first tenth warms it up. " +
            "*Cores* is the processor time the server and the benchmark's own process (where every client lives) used during the windows, divided by their length. " +
            $"*Lost* counts deliveries and saves still missing {LoadGenerator.Drain.TotalSeconds:0} s after a window's last edit.");
        text.AppendLine();
        var limits = string.Join(" and ", ReviewRoomTarget.Settings.Select(s => $"`{s.Key}={s.Value}`"));
        text.AppendLine(CultureInfo.InvariantCulture, $"ReviewRoom ran with {limits}: " +
            $"setting up hundreds of people and adding 2,000 cards from one client would otherwise pass its rate limits and be refused.");
        if (results.Any(r => r is FloodResult))
        {
            text.AppendLine();
            text.AppendLine("The flood is the exception: it runs on ReviewRoom alone, with the limits it ships with, as they are what it measures; " +
                "its quiet windows have no flooder, its flooded ones one more invitee calling AddCard on every connection it may open, as fast as the server answers.");
        }

        foreach (var table in results.GroupBy(r => r.Scenario.Header))
        {
            text.AppendLine();
            text.AppendLine(table.Key);
            foreach (var result in table)
            {
                foreach (var row in result.Scenario.Rows(result))
                {
                    text.AppendLine(row);
                }
            }
        }

        var notes = results.SelectMany(Notes).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            notes.ForEach(note => text.AppendLine(CultureInfo.InvariantCulture, $"- {note}"));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Notes(ScenarioResult result)
    {
        if (!result.Alternated)
        {
            yield return $"{result.Scenario.Title}: not alternated; both servers' sockets at once would pass this process's open-file limit, so ReviewRoom ran first, then the floor.";
        }

        foreach (var (server, m) in result.Named)
        {
            if (m.FirstRefusal is { } refusal)
            {
                yield return $"{result.Scenario.Title} on {server}: {m.Refused:N0} edits failed; the first said \"{refusal}\".";
            }
        }
    }
}
