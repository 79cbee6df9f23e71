using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.People;

/// <summary>One person's reviews in order, for a facilitator who runs them. Giving out or deleting everything held about them is the administrator's.</summary>
public sealed class IndexModel(ReviewQueries queries) : PageModel
{
    [FromRoute] public string PersonId { get; set; } = "";

    public IReadOnlyList<ReviewSummary> Reviews { get; private set; } = [];
    public ReviewSummary Latest => Reviews[^1];

    public IActionResult OnGet() => Load() ? Page() : Forbidden();

    private bool Load()
    {
        Reviews = FacilitatorSignIn.AccountId(User) is { } accountId ? queries.ReviewsOf(PersonId, accountId) : [];
        return Reviews.Count > 0;
    }

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
