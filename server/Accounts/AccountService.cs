using Microsoft.AspNetCore.Identity;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;

namespace ReviewRoom.Accounts;

/// <summary>Facilitator accounts: the first-run setup, signing in with lockout, and the administrator's list.</summary>
public sealed class AccountService(IAccountStore store, SetupCode setupCode, TimeProvider clock) : IDisposable
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<FacilitatorAccount> Hasher = new();

    // One sign-in at a time for each account (a lock chosen by its address), not one for everyone, so
    // a flood of tries at made-up addresses does not hold up a real facilitator's sign-in.
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public bool NeedsSetup => setupCode.IsOpen;

    public void Dispose() => Array.ForEach(_gates, gate => gate.Dispose());

    public async Task<FacilitatorAccount> SetUpAsync(string? code, string? name, string? email, string? password)
    {
        var account = New(name, email, password, isAdministrator: true, extra: check => check.Require(setupCode.IsRight(code), ReviewError.SetupCodeWrong));
        if (!setupCode.TryUse(code))
        {
            throw new ReviewRuleException(ReviewError.SetupCodeWrong);
        }

        await store.SaveAsync(account, new Activity("", account.Id, "administrator-set-up", clock.GetUtcNow()));
        return account;
    }

    /// <param name="password">Their first password; none for someone who signs in with their organisation's account only.</param>
    public async Task<FacilitatorAccount> AddFacilitatorAsync(string administratorId, string? name, string? email, string? password, bool organisationSignIn = false)
    {
        RequireAdministrator(administratorId);
        var account = New(name, email, password, isAdministrator: false, passwordNeeded: !organisationSignIn || !string.IsNullOrEmpty(password));
        await store.SaveAsync(account, new Activity("", administratorId, "facilitator-added", clock.GetUtcNow()));
        return account;
    }

    public async Task RemoveFacilitatorAsync(string administratorId, string accountId)
    {
        RequireAdministrator(administratorId);
        var account = store.FindAccount(accountId);
        if (account is null || account.IsAdministrator)
        {
            throw new ReviewRuleException(ReviewError.AccountNotFound);
        }

        account.Removed = true;
        await store.SaveAsync(account, new Activity("", administratorId, "facilitator-removed", clock.GetUtcNow()));
    }

    public IReadOnlyList<FacilitatorAccount> Facilitators(string administratorId)
    {
        RequireAdministrator(administratorId);
        return [.. store.Accounts().Where(a => !a.Removed).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The account, if it is still allowed to sign in.</summary>
    public FacilitatorAccount? Active(string? accountId) =>
        accountId is null ? null : store.FindAccount(accountId) is { Removed: false } account ? account : null;

    /// <summary>A colleague's account found by email address, to help run a review; null if there is no such active account.</summary>
    public FacilitatorAccount? ActiveByEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : store.FindAccountByEmail(Normalised(email)) is { Removed: false } account ? account : null;

    /// <summary>Checks an email address and password; repeated failures lock the account for a while.</summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password)
    {
        var gate = _gates[(uint)Normalised(email).GetHashCode(StringComparison.Ordinal) % _gates.Length];
        await gate.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            var account = store.FindAccountByEmail(Normalised(email));
            if (account is null || account.Removed)
            {
                // The same work as a real check, so timing does not tell which addresses have accounts.
                Hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
                return SignInResult.Failed;
            }

            if (account.LockedUntil > now)
            {
                return SignInResult.LockedOut;
            }

            if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
            {
                account.FailedSignIns++;
                var lockedOut = account.FailedSignIns >= FailuresBeforeLockout;
                if (lockedOut)
                {
                    (account.LockedUntil, account.FailedSignIns) = (now + LockoutTime, 0);
                }

                await store.SaveAsync(account, new Activity("", account.Id, lockedOut ? "sign-in-locked-out" : "sign-in-failed", now));
                return lockedOut ? SignInResult.LockedOut : SignInResult.Failed;
            }

            (account.FailedSignIns, account.LockedUntil) = (0, null);
            await store.SaveAsync(account, new Activity("", account.Id, "signed-in", now));
            return new SignInResult(account, false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Someone the organisation's provider vouched for: the account bound to their provider account,
    /// or the first time, the one an administrator added for their e-mail address. Null for anyone
    /// else, who may not facilitate.
    /// </summary>
    public async Task<FacilitatorAccount?> SignInWithOrganisationAsync(string issuer, string subject, string? email, bool emailUnverified)
    {
        var bound = $"{issuer}|{subject}";
        var account = store.Accounts().FirstOrDefault(a => a.OrganisationSubject == bound)
            ?? (emailUnverified || string.IsNullOrWhiteSpace(email) ? null : store.FindAccountByEmail(Normalised(email)) is { OrganisationSubject: null } unbound ? unbound : null);
        if (account is not { Removed: false })
        {
            return null;
        }

        account.OrganisationSubject = bound;
        (account.FailedSignIns, account.LockedUntil) = (0, null);
        await store.SaveAsync(account, new Activity("", account.Id, "signed-in-with-organisation", clock.GetUtcNow()));
        return account;
    }

    private static readonly string DummyHash = Hasher.HashPassword(null!, "not a real password, only for timing");

    private FacilitatorAccount New(string? name, string? email, string? password, bool isAdministrator, Action<RuleCheck>? extra = null, bool passwordNeeded = true)
    {
        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        var cleanEmail = Normalised(email);
        check.Require(EmailAddress.IsValid(cleanEmail), ReviewError.EmailInvalid);
        check.Require(!passwordNeeded || (password ?? "").Length >= MinimumPasswordLength, ReviewError.PasswordTooShort);
        check.Require(store.FindAccountByEmail(cleanEmail) is null, ReviewError.EmailTaken);
        extra?.Invoke(check);
        check.ThrowIfBroken();

        var account = new FacilitatorAccount(Guid.NewGuid().ToString("N"), cleanEmail, cleanName, isAdministrator, clock.GetUtcNow());
        // Without a password, the empty hash matches none: they sign in with their organisation's account.
        account.PasswordHash = passwordNeeded ? Hasher.HashPassword(account, password!) : "";
        return account;
    }

    private void RequireAdministrator(string administratorId)
    {
        if (Active(administratorId) is not { IsAdministrator: true })
        {
            throw new ReviewRuleException(ReviewError.AdministratorOnly);
        }
    }

    private static string Normalised(string? email) => (email ?? "").Trim().ToLowerInvariant();
}

public sealed record SignInResult(FacilitatorAccount? Account, bool IsLockedOut)
{
    public static readonly SignInResult Failed = new(null, false);
    public static readonly SignInResult LockedOut = new(null, true);
}
