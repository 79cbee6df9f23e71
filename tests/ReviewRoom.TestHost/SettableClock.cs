namespace ReviewRoom.TestHost;

/// <summary>
/// The app's clock, which a test can move on (to see an invitation expire, say). It starts on the
/// morning of the day the tests' reviews are held, whatever today's date is, so a link that lasts a
/// day after the review does not expire when the tests run the day after.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    public static readonly DateTimeOffset ReviewDay = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = ReviewDay;

    public override DateTimeOffset GetUtcNow() => Now;
}
