using System.Globalization;
using ReviewRoom.Domain;

namespace ReviewRoom.Infrastructure;

/// <summary>
/// Each language as a culture: its words come from the resources, its dates and numbers from ICU.
/// Whatever speaks to someone (a page, a hub call, a broadcast, the minutes) speaks in the current
/// culture, so it is set once for each, never passed about.
/// </summary>
public static class Languages
{
    public static readonly IReadOnlyList<Language> All = [Language.English, Language.Welsh];

    public static readonly CultureInfo[] Cultures = [.. All.Select(CultureOf)];

    public static CultureInfo CultureOf(Language language) => language switch
    {
        Language.Welsh => CultureInfo.GetCultureInfo("cy-GB"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    /// <summary>The language being spoken now.</summary>
    public static Language Current => Of(CultureInfo.CurrentUICulture);

    public static Language Of(CultureInfo culture) => culture.TwoLetterISOLanguageName == "cy" ? Language.Welsh : Language.English;

    /// <summary>The code in links, cookies and the html lang attribute: "en" or "cy".</summary>
    public static string Code(Language language) => CultureOf(language).TwoLetterISOLanguageName;

    public static Language? FromCode(string? code) => All.Cast<Language?>().FirstOrDefault(l => Code(l!.Value) == code);

    /// <summary>Speaks <paramref name="language"/> until disposed, then what was spoken before.</summary>
    public static IDisposable Speak(Language language) => new Speaking(language);

    /// <summary>What <paramref name="say"/> says in <paramref name="language"/>, whatever is being spoken now.</summary>
    public static T SaidIn<T>(Language language, Func<T> say)
    {
        using var _ = Speak(language);
        return say();
    }

    public static async Task<T> SaidInAsync<T>(Language language, Func<Task<T>> say)
    {
        using var _ = Speak(language);
        return await say();
    }

    /// <summary>The same words in each language, as <paramref name="say"/> says them in it.</summary>
    public static Words InEach(Func<string> say) => new(SaidIn(Language.English, say), SaidIn(Language.Welsh, say));

    /// <summary>When a meeting is: "1 December 2026", or with its time, "1 December 2026 at 10:30".</summary>
    /// <param name="writeDate">How the date is written; <see cref="LongDate"/> unless another is given.</param>
    public static string MeetingTime(Microsoft.Extensions.Localization.IStringLocalizer text, DateOnly date, TimeOnly? startsAt, Func<DateOnly, string>? writeDate = null)
    {
        var day = (writeDate ?? LongDate)(date);
        return startsAt is { } time ? text["Meeting.DateAndTime", day, time.ToString("HH:mm", CultureInfo.InvariantCulture)] : day;
    }

    /// <summary>A date as people write it, in the current language: "1 December 2026", "1 Rhagfyr 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date where there is little room, such as under a chart: "1 Dec 2026".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date as it is said, for easy read: "Tuesday 1 December 2026", "Dydd Mawrth 1 Rhagfyr 2026".</summary>
    public static string DateInWords(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    private sealed class Speaking : IDisposable
    {
        private readonly (CultureInfo Culture, CultureInfo UiCulture) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        public Speaking(Language language) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureOf(language);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = _before;
    }
}
