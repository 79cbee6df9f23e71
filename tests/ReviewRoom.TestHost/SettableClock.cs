namespace ReviewRoom.TestHost;

/// <summary>The app's clock, which a test can move on (to see an invitation expire, say).</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
