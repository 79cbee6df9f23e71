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

    /// <summary>Whether any of the reviews is a self-assessment, whose progress over time has a page of its own.</summary>
    public bool HasSelfAssessment { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (FacilitatorSignIn.AccountId(User) is not { } accountId || queries.ReviewsOf(PersonId, accountId) is not { Count: > 0 } reviews)
        {
            return Forbidden();
        }

        Reviews = reviews;
        HasSelfAssessment = (await queries.ProgressOfAsync(PersonId, accountId)).Count > 0;
        return Page();
    }

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
