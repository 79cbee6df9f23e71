using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Join;

/// <summary>
/// Opening an invitation link only shows whose review it is; joining takes a press of the button
/// (a POST), so a link scanner that fetches the address lets nobody in.
/// </summary>
public sealed class JoinModel(ReviewService reviews, ReviewQueries queries, MembershipCookies memberships, LanguageChoice choice) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    public InvitationView? Invitation { get; private set; }

    public async Task OnGetAsync()
    {
        Invitation = await queries.FindInvitationAsync(Token);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <param name="language">The language they chose to take part in; else the one they joined in.</param>
    public async Task<IActionResult> OnPostAsync(string? language)
    {
        if (await queries.FindInvitationAsync(Token) is not { } invitation)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        await reviews.JoinAsync(invitation.Invitee);
        memberships.Admit(HttpContext, invitation.Invitee, invitation.LinkNumber, invitation.ExpiresAt);
        // Someone who joined without choosing a language keeps the one they joined in, the review's, rather than their browser's.
        if (Languages.FromCode(language) is { } chosen)
        {
            choice.Remember(Response, chosen);
        }
        else if (!choice.IsMade(Request))
        {
            choice.Remember(Response, Languages.Current);
        }

        var reviewId = invitation.Invitee.ReviewId;
        return Redirect(invitation switch
        {
            { ReviewClosed: true } => $"/minutes/{reviewId}",
            { Role: Role.Screen } => $"/screen/{reviewId}",
            _ => $"/reviews/{reviewId}",
        });
    }
}
