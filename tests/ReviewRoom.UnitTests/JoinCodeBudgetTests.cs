using ReviewRoom.Access;

namespace ReviewRoom.UnitTests;

public sealed class JoinCodeBudgetTests
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GuessesFromManyAddresses_AreHeldToOneBudgetForEveryone_ThenSlowedForAll()
    {
        var budget = new JoinCodeBudget(new Kept(), _clock);
        for (var i = 0; i < JoinCodeBudget.ForEveryone; i++)
        {
            Assert.NotNull((await budget.BeginAsync($"10.0.{i / 250}.{i % 250}")).Try);
        }

        var oneMore = await budget.BeginAsync("192.168.1.1");
        var another = await budget.BeginAsync("192.168.1.2");

        Assert.NotNull(oneMore.Try);
        Assert.Equal((null, JoinCodeBudget.EveryoneSlowDown), another);
        Assert.Equal(JoinCodeBudget.ForEveryone + 1, budget.WrongEver);
    }

    [Fact]
    public async Task AfterAnHour_AnAddressStartsAgain_ButWhatWasTriedEverStillCounts()
    {
        var budget = new JoinCodeBudget(new Kept(), _clock);
        for (var i = 0; i <= JoinCodeBudget.PerAddress; i++)
        {
            await budget.BeginAsync("10.0.0.1");
        }

        var slowed = await budget.BeginAsync("10.0.0.1");
        _clock.Now += JoinCodeBudget.Hour;

        Assert.Null(slowed.Try);
        Assert.NotNull((await budget.BeginAsync("10.0.0.1")).Try);
        Assert.Equal(JoinCodeBudget.PerAddress + 2, budget.WrongEver);
    }

    /// <summary>The counts in memory: what the budget makes of them is what is tested here; the stores are tested on their own.</summary>
    private sealed class Kept : IJoinCodeTriesStore
    {
        private readonly Dictionary<string, JoinCodeTries> _tries = [];

        public JoinCodeTries? FindTries(string key) => _tries.GetValueOrDefault(key);

        public Task CountAsync(IReadOnlyList<string> keys, Func<IReadOnlyList<JoinCodeTries?>, IReadOnlyList<JoinCodeTries>> count, DateTimeOffset forgetBefore) =>
            SaveTriesAsync(count([.. keys.Select(FindTries)]), forgetBefore);

        public IReadOnlyList<JoinCodeTries> LoadTries() => [.. _tries.Values];

        public Task SaveTriesAsync(IReadOnlyList<JoinCodeTries> tries, DateTimeOffset forgetBefore)
        {
            foreach (var t in tries)
            {
                _tries[t.Key] = t;
            }

            return Task.CompletedTask;
        }
    }
}
