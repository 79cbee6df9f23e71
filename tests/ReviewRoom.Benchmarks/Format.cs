using System.Globalization;

namespace ReviewRoom.Benchmarks;

/// <summary>Numbers as the tables show them.</summary>
public static class Format
{
    public static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "–" : milliseconds.ToString(milliseconds < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    public static string PerSecond(long count, TimeSpan over) =>
        over > TimeSpan.Zero ? (count / over.TotalSeconds).ToString(count / over.TotalSeconds < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) : "–";

    public static string Two(Percentiles p) => $"{Ms(p.P50)} / {Ms(p.P99)}";

    public static string Three(Percentiles p) => $"{Ms(p.P50)} / {Ms(p.P95)} / {Ms(p.P99)}";

    public static string Ratio(double ours, double floor)
    {
        if (double.IsNaN(ours) || double.IsNaN(floor) || floor <= 0)
        {
            return "–";
        }

        var ratio = ours / floor;
        return "×" + ratio.ToString(ratio < 10 ? "0.0#" : "N0", CultureInfo.InvariantCulture);
    }

    public static string Ratios(Percentiles ours, Percentiles floor) =>
        $"{Ratio(ours.P50, floor.P50)} / {Ratio(ours.P95, floor.P95)} / {Ratio(ours.P99, floor.P99)}";

    public static string Kilobytes(double kilobytes) =>
        double.IsNaN(kilobytes) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{kilobytes:0.0} KB");

    public static string Cores(Measurement m) =>
        double.IsNaN(m.ServerCores) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{m.ServerCores:0.00} / {m.BenchmarkCores:0.00}");

    public static string Lost(Measurement m)
    {
        var parts = new List<string>();
        if (m.LostDeliveries != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.LostDeliveries:N0} of {m.ExpectedDeliveries:N0} deliveries"));
        }

        if (m.Unanswered != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.Unanswered:N0} of {m.Sent:N0} saves unanswered"));
        }

        if (m.Refused != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{m.Refused:N0} refused"));
        }

        return parts.Count == 0 ? "0" : string.Join(", ", parts);
    }

    public static string Check(string target, bool met) => $"{target}: {(met ? "pass" : "**miss**")}";
}
