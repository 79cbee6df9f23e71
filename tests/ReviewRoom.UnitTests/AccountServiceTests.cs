using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;

namespace ReviewRoom.UnitTests;

public sealed class AccountServiceTests
{
    private const string Password = "correct horse battery staple";

    private readonly Clock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAccounts _store = new();

    [Fact]
    public async Task Setup_WithTheRightCode_CreatesTheAdministrator_Once()
    {
        var (service, code) = Fresh();

        var wrong = await Assert.ThrowsAsync<ReviewRuleException>(() => service.SetUpAsync(code[..^1] + (code[^1] == 'A' ? 'B' : 'A'), "Fran", "fran@example.org", Password));
        // Copied as people do: in small letters, with spaces for the dashes.
        var administrator = await service.SetUpAsync(code.ToLowerInvariant().Replace('-', ' '), "Fran", "Fran@Example.org ", Password);
        var again = await Assert.ThrowsAsync<ReviewRuleException>(() => service.SetUpAsync(code, "Mallory", "mallory@example.org", Password));

        Assert.Equal([ReviewError.SetupCodeWrong], wrong.Errors);
        // 26 letters and digits of 5 bits each: 130 bits, at least the 128 asked for.
        Assert.Matches("^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}-[A-Z2-7]{2}$", code);
        Assert.True(administrator.IsAdministrator);
        Assert.Equal("fran@example.org", administrator.Email);
        Assert.Contains(ReviewError.SetupCodeWrong, again.Errors);
        Assert.False(service.NeedsSetup);
        Assert.DoesNotContain(Password, administrator.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_LocksTheAccountAfterFiveWrongPasswords_UntilTheLockoutTimePasses()
    {
        var (service, code) = Fresh();
        await service.SetUpAsync(code, "Fran", "fran@example.org", Password);

        for (var i = 1; i < AccountService.FailuresBeforeLockout; i++)
        {
            Assert.Equal(SignInResult.Failed, await service.SignInAsync("fran@example.org", "wrong"));
        }

        Assert.Equal(SignInResult.LockedOut, await service.SignInAsync("fran@example.org", "wrong"));
        Assert.Equal(SignInResult.LockedOut, await service.SignInAsync("fran@example.org", Password));
        _clock.Now += AccountService.LockoutTime - TimeSpan.FromSeconds(1);
        Assert.Equal(SignInResult.LockedOut, await service.SignInAsync("fran@example.org", Password));
        _clock.Now += TimeSpan.FromSeconds(2);
        Assert.NotNull((await service.SignInAsync("fran@example.org", Password)).Account);
    }

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_FailsLikeAWrongPassword()
    {
        var (service, code) = Fresh();
        await service.SetUpAsync(code, "Fran", "fran@example.org", Password);

        Assert.Equal(SignInResult.Failed, await service.SignInAsync("nobody@example.org", Password));
    }

    [Fact]
    public async Task OnlyTheAdministrator_AddsAndRemovesFacilitators()
    {
        var (service, code) = Fresh();
        var administrator = await service.SetUpAsync(code, "Fran", "fran@example.org", Password);
        var sunita = await service.AddFacilitatorAsync(administrator.Id, "Sunita", "sunita@example.org", Password);

        var refused = await Assert.ThrowsAsync<ReviewRuleException>(() => service.AddFacilitatorAsync(sunita.Id, "Eve", "eve@example.org", Password));
        var shortPassword = await Assert.ThrowsAsync<ReviewRuleException>(() => service.AddFacilitatorAsync(administrator.Id, "Eve", "eve@example.org", "short"));
        await service.RemoveFacilitatorAsync(administrator.Id, sunita.Id);

        Assert.Equal([ReviewError.AdministratorOnly], refused.Errors);
        Assert.Equal([ReviewError.PasswordTooShort], shortPassword.Errors);
        Assert.Null(service.Active(sunita.Id));
        Assert.Equal(SignInResult.Failed, await service.SignInAsync("sunita@example.org", Password));
    }

    private (AccountService Service, string Code) Fresh()
    {
        var log = new CodeLogger();
        var setupCode = new SetupCode(_store, log);
        return (new AccountService(_store, setupCode, _clock), log.Code);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class InMemoryAccounts : IAccountStore
    {
        private readonly Dictionary<string, FacilitatorAccount> _accounts = [];

        public bool AnyAccounts() => _accounts.Count > 0;

        public IReadOnlyList<FacilitatorAccount> Accounts() => [.. _accounts.Values];

        public FacilitatorAccount? FindAccount(string accountId) => _accounts.GetValueOrDefault(accountId);

        public FacilitatorAccount? FindAccountByEmail(string email) => _accounts.Values.FirstOrDefault(a => a.Email == email);

        public Task SaveAsync(FacilitatorAccount account, Activity activity)
        {
            _accounts[account.Id] = account;
            return Task.CompletedTask;
        }
    }

    private sealed class CodeLogger : Microsoft.Extensions.Logging.ILogger<SetupCode>
    {
        public string Code { get; private set; } = "";

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Code = formatter(state, exception).Split("code: ")[1];
    }
}
