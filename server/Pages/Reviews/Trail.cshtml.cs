using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Reviews;

/// <summary>The review's audit trail, for its facilitators and the person: who saw, took and changed what, and when.</summary>
public sealed class TrailModel(AuditTrail trail, MembershipCookies memberships) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    public IReadOnlyList<TrailLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await memberships.FindAsync(HttpContext, ReviewId) is not { OnlyReads: false } member || await trail.ReadAsync(member) is not { } lines)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Lines = lines;
        return Page();
    }
}
