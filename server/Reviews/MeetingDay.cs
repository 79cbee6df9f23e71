namespace ReviewRoom.Reviews;

/// <summary>The day a meeting happens on, as people in Wales and England count days.</summary>
public static class MeetingDay
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Midnight at the end of the day that <paramref name="now"/> falls on, in UK time.</summary>
    public static DateTimeOffset EndOf(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, UkTime);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, UkTime.GetUtcOffset(midnight));
    }
}
