namespace ReviewRoom.Domain;

public enum TimerCommand
{
    Start,
    Pause,
    CarryOn,
    AddMinute,
    Stop,
}

/// <summary>
/// The facilitator's timer, shown on the big screen and every board: running until
/// <paramref name="EndsAt"/>, or paused with <paramref name="SecondsLeft"/> to go.
/// </summary>
public sealed record MeetingTimer(DateTimeOffset? EndsAt, int SecondsLeft)
{
    public const int MostMinutes = 180;

    public bool Running => EndsAt is not null;

    public int SecondsLeftAt(DateTimeOffset now) => EndsAt is { } end ? (int)Math.Max(0, Math.Ceiling((end - now).TotalSeconds)) : SecondsLeft;

    public static MeetingTimer For(int minutes, DateTimeOffset now) => new(now.AddMinutes(minutes), minutes * 60);

    public MeetingTimer Paused(DateTimeOffset now) => new(null, SecondsLeftAt(now));

    public MeetingTimer CarriedOn(DateTimeOffset now) => Running ? this : new(now.AddSeconds(SecondsLeft), SecondsLeft);

    /// <summary>A minute more; a timer that has run out starts again from now with one minute.</summary>
    public MeetingTimer AMinuteMore(DateTimeOffset now) => EndsAt is { } end
        ? new((end > now ? end : now).AddMinutes(1), SecondsLeftAt(now) + 60)
        : this with { SecondsLeft = SecondsLeft + 60 };
}
