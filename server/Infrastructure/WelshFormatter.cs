using System.Globalization;
using Humanizer;

namespace ReviewRoom.Infrastructure;

/// <summary>
/// Humanizer's phrases in Welsh ("2 ddiwrnod", "ymhen 3 wythnos"), which the released Humanizer does
/// not have; registered for "cy" through its own formatter registry. A unit after a number takes the
/// mutation that number causes when read aloud: soft after 2 (and after 1 for a feminine noun), nasal
/// after 5, 7, 8, 9, 10, 12, 15, 18, 20 and 100 for the nouns that take it (blynedd, diwrnod).
/// Larger numbers are left unmutated, as Welsh written with digits usually is.
/// </summary>
public sealed class WelshFormatter : IFormatter
{
    private static readonly DefaultFormatter Bytes = new DefaultFormatter(CultureInfo.GetCultureInfo("en"));

    private static readonly HashSet<int> Nasalising = [5, 7, 8, 9, 10, 12, 15, 18, 20, 100];

    private static readonly string[] Masculine = ["", "un", "dau", "tri", "pedwar", "pum", "chwe", "saith", "wyth", "naw", "deg"];
    private static readonly string[] Feminine = ["", "un", "dwy", "tair", "pedair", "pum", "chwe", "saith", "wyth", "naw", "deg"];

    // Humanizer takes formatters only before its first phrase, so this runs as the app's code is loaded,
    // before anything in it can ask for one (and once, however many hosts a test process starts).
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Register() => Configurator.Formatters.Register("cy", new WelshFormatter());

    public string DateHumanize(TimeUnit timeUnit, Tense timeUnitTense, int unit) => (timeUnit, unit, timeUnitTense) switch
    {
        (_, 0, _) or (TimeUnit.Millisecond, _, _) => "nawr",
        (TimeUnit.Day, 1, Tense.Past) => "ddoe",
        (TimeUnit.Day, 1, Tense.Future) => "yfory",
        (_, _, Tense.Past) => $"{TimeSpanHumanize(timeUnit, unit, toWords: false)} yn ôl",
        _ => $"ymhen {TimeSpanHumanize(timeUnit, unit, toWords: false)}",
    };

    public string DateHumanize_Now() => "nawr";

    public string DateHumanize_Never() => "byth";

    public string TimeSpanHumanize_Zero() => "dim amser";

    public string TimeSpanHumanize_Age() => "{0} oed";

    public string TimeSpanHumanize(TimeUnit timeUnit, int unit, bool toWords = false)
    {
        var noun = Noun.Of(timeUnit);
        var number = toWords && unit is > 0 and <= 10 ? InWords(unit, noun) : unit.ToString(CultureInfo.InvariantCulture);
        return $"{number} {noun.After(unit)}";
    }

    // The forms a numeral takes before a noun: "pum", "chwe", and "deng" before a nasalised one.
    private static string InWords(int number, Noun noun) => number == 10 && noun.Nasalises ? "deng" : (noun.IsFeminine ? Feminine : Masculine)[number];

    public string DataUnitHumanize(DataUnit dataUnit, double count, bool toSymbol = true) => Bytes.DataUnitHumanize(dataUnit, count, toSymbol);

    public string TimeUnitHumanize(TimeUnit timeUnit) => Noun.Of(timeUnit).One;

    /// <param name="Counted">The form after a number greater than one ("blynedd"), when it differs from the singular.</param>
    /// <param name="Nasalises">Whether it takes the nasal mutation after pum, saith, wyth, naw, deng and the rest.</param>
    private sealed record Noun(string One, bool IsFeminine, string? Counted = null, bool Nasalises = false)
    {
        public static Noun Of(TimeUnit unit) => unit switch
        {
            TimeUnit.Millisecond => new("milieiliad", IsFeminine: true),
            TimeUnit.Second => new("eiliad", IsFeminine: true),
            TimeUnit.Minute => new("munud", IsFeminine: true),
            TimeUnit.Hour => new("awr", IsFeminine: true),
            TimeUnit.Day => new("diwrnod", IsFeminine: false, Nasalises: true),
            TimeUnit.Week => new("wythnos", IsFeminine: true),
            TimeUnit.Month => new("mis", IsFeminine: false),
            _ => new("blwyddyn", IsFeminine: true, Counted: "blynedd", Nasalises: true),
        };

        public string After(int number)
        {
            var word = number == 1 ? One : Counted ?? One;
            return number switch
            {
                1 when IsFeminine => Soft(word),
                2 => Soft(word),
                _ when Nasalises && Nasalising.Contains(number) => Nasal(word),
                _ => word,
            };
        }

        private static string Soft(string word) => word switch
        {
            ['l', 'l', ..] => word[1..],
            ['r', 'h', ..] => "r" + word[2..],
            ['b', ..] => "f" + word[1..],
            ['m', ..] => "f" + word[1..],
            ['d', ..] => "dd" + word[1..],
            ['g', ..] => word[1..],
            ['c', ..] => "g" + word[1..],
            ['p', ..] => "b" + word[1..],
            ['t', ..] => "d" + word[1..],
            _ => word,
        };

        private static string Nasal(string word) => word switch
        {
            ['b', ..] => "m" + word[1..],
            ['d', ..] => "n" + word[1..],
            _ => word,
        };
    }
}
