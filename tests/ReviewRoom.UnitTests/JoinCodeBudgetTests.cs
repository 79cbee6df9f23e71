using ReviewRoom.Access;

namespace ReviewRoom.UnitTests;

public sealed class JoinCodeBudgetTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void GuessesFromManyAddresses_AreHeldToOneBudgetForEveryone_ThenSlowedForAll()
    {
        var budget = new JoinCodeBudget(new Kept(), _clock);
        for (var i = 0; i < JoinCodeBudget.ForEveryone; i++)
        {
            Assert.NotNull(budget.Begin($"10.0.{i / 250}.{i % 250}").Try);
        }

        var oneMore = budget.Begin("192.168.1.1");
        var another = budget.Begin("192.168.1.2");

        Assert.NotNull(oneMore.Try);
        Assert.Equal((null, JoinCodeBudget.EveryoneSlowDown), another);
        Assert.Equal(JoinCodeBudget.ForEveryone + 1, budget.WrongEver);
    }

    [Fact]
    public void AfterAnHour_AnAddressStartsAgain_ButWhatWasTriedEverStillCounts()
    {
        var budget = new JoinCodeBudget(new Kept(), _clock);
        for (var i = 0; i <= JoinCodeBudget.PerAddress; i++)
        {
            budget.Begin("10.0.0.1");
        }

        var slowed = budget.Begin("10.0.0.1");
        _clock.Now += JoinCodeBudget.Hour;

        Assert.Null(slowed.Try);
        Assert.NotNull(budget.Begin("10.0.0.1").Try);
        Assert.Equal(JoinCodeBudget.PerAddress + 2, budget.WrongEver);
    }

    private sealed class Kept : IJoinCodeTriesStore
    {
        public IReadOnlyList<JoinCodeTries> LoadTries() => [];

        public Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore) => Task.CompletedTask;
    }
}
