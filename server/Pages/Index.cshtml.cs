using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages;

/// <summary>For a facilitator, the reviews they run; for anyone else, how to get in.</summary>
public sealed class IndexModel(AccountService accounts, ReviewQueries queries, TimeProvider clock) : PageModel
{
    public YourReviews? Reviews { get; private set; }
    public bool IsAdministrator { get; private set; }
    public bool NeedsSetup => accounts.NeedsSetup;

    public void OnGet()
    {
        if (accounts.Active(FacilitatorSignIn.AccountId(User)) is not { } account)
        {
            return;
        }

        IsAdministrator = account.IsAdministrator;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var (runs, overdue) = queries.RunBy(account.Id, today);
        Reviews = new YourReviews(
            [.. runs.Where(r => r.Date == today)],
            [.. runs.Where(r => r.Date > today)],
            [.. runs.Where(r => r.Date < today).Reverse()],
            overdue);
    }

    public sealed record YourReviews(IReadOnlyList<ReviewSummary> Today, IReadOnlyList<ReviewSummary> Upcoming, IReadOnlyList<ReviewSummary> Past, IReadOnlyList<OverdueAction> Overdue);
}
