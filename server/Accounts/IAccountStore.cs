using ReviewRoom.Reviews;

namespace ReviewRoom.Accounts;

public interface IAccountStore
{
    bool AnyAccounts();

    IReadOnlyList<FacilitatorAccount> Accounts();

    FacilitatorAccount? FindAccount(string accountId);

    FacilitatorAccount? FindAccountByEmail(string email);

    Task SaveAsync(FacilitatorAccount account, Activity activity);
}
