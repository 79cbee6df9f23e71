using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.People;

/// <summary>Deleting asks first: one review, or a person with all their reviews. It cannot be undone.</summary>
public sealed class DeleteModel(ReviewService reviews, ReviewQueries queries, ReviewErrorText errorText) : PageModel
{
    [FromRoute] public string PersonId { get; set; } = "";

    /// <summary>The one review to delete; none means the person and all their reviews.</summary>
    [BindProperty(SupportsGet = true)] public string? Review { get; set; }

    public IReadOnlyList<ReviewSummary> Reviews { get; private set; } = [];
    public ReviewSummary? OneReview => Reviews.FirstOrDefault(r => r.Id == Review);
    public string PersonName => Reviews[^1].PersonName;
    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => Load() ? Page() : Forbidden();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Load())
        {
            return Forbidden();
        }

        var accountId = FacilitatorSignIn.AccountId(User)!;
        try
        {
            await reviews.DeleteAsync(OneReview is { } one ? [one.Id] : queries.AllRunBy(PersonId, accountId), accountId);
            return Redirect(OneReview is not null && Reviews.Count > 1 ? $"/people/{PersonId}" : "/");
        }
        catch (ReviewRuleException refusal)
        {
            Errors.Add("delete", errorText.For(refusal));
            return Page();
        }
    }

    private bool Load()
    {
        Reviews = FacilitatorSignIn.AccountId(User) is { } accountId ? queries.ReviewsOf(PersonId, accountId) : [];
        return Reviews.Count > 0 && (Review is null || OneReview is not null);
    }

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
