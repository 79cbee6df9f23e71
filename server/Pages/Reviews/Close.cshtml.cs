using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Reviews;

/// <summary>Closing asks first: it ends the meeting for everyone and makes the minutes final.</summary>
public sealed class CloseModel(ReviewService reviews, ReviewQueries queries, MembershipCookies memberships) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    public BoardSnapshot Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FacilitatorAsync() is not { } member)
        {
            return Forbidden();
        }

        Board = (await queries.SnapshotAsync(member))!;
        return Board.IsClosed ? Redirect($"/minutes/{ReviewId}") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FacilitatorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await reviews.CloseAsync(member);
            return Redirect($"/minutes/{ReviewId}");
        }
        catch (ReviewRuleException)
        {
            return Forbidden();
        }
    }

    private async Task<ReviewMember?> FacilitatorAsync() =>
        await memberships.FindAsync(HttpContext, ReviewId) is { OnlyReads: false } member && await queries.RoleOfAsync(member) == Role.Facilitator ? member : null;

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
