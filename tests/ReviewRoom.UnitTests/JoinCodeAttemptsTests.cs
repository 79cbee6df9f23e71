using ReviewRoom.Access;

namespace ReviewRoom.UnitTests;

public sealed class JoinCodeAttemptsTests
{
    private readonly Clock _clock = new();

    [Fact]
    public void WrongCodes_AreFreeAtFirst_ThenSlowedDown_ThenLockedOutForAWhile()
    {
        var attempts = new JoinCodeAttempts(_clock);
        var delays = new List<TimeSpan?>();

        for (var i = 0; i < JoinCodeAttempts.TriesBeforeLockout; i++)
        {
            delays.Add(attempts.DelayFor("10.0.0.1"));
            attempts.Failed("10.0.0.1");
        }

        Assert.Equal([0, 0, 0, 1, 2, 3, 4, 5, 6, 7], delays.Select(d => d!.Value.TotalSeconds));
        Assert.Null(attempts.DelayFor("10.0.0.1"));
        Assert.Equal(TimeSpan.Zero, attempts.DelayFor("10.0.0.2"));
        _clock.Now += JoinCodeAttempts.LockoutTime + TimeSpan.FromSeconds(1);
        Assert.Equal(TimeSpan.Zero, attempts.DelayFor("10.0.0.1"));
    }

    [Fact]
    public void RightCode_ClearsTheCount()
    {
        var attempts = new JoinCodeAttempts(_clock);
        for (var i = 0; i < 5; i++)
        {
            attempts.Failed("10.0.0.1");
        }

        attempts.Succeeded("10.0.0.1");

        Assert.Equal(TimeSpan.Zero, attempts.DelayFor("10.0.0.1"));
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
