using System.Globalization;
using Humanizer;
using Microsoft.Extensions.Localization;

namespace ReviewRoom.Reviews;

/// <summary>An action's date in words, from today's date on the injected clock: "due in 3 weeks", "overdue by 2 days".</summary>
public sealed class DueDates(TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public string InWords(DateOnly due)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var days = due.DayNumber - today.DayNumber;
        var span = TimeSpan.FromDays(Math.Abs(days)).Humanize(maxUnit: TimeUnit.Year, culture: CultureInfo.CurrentUICulture);
        return days switch
        {
            0 => text["Action.DueToday"],
            > 0 => text["Action.DueIn", span],
            _ => text["Action.Overdue", span],
        };
    }
}
