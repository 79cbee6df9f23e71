using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Lobby;

/// <summary>Where someone who joined by code waits until the facilitator or the person lets them in.</summary>
public sealed class IndexModel(ReviewQueries queries, MembershipCookies memberships) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    public LobbyState State { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await StateAsync() is not { } state)
        {
            return NotFound();
        }

        State = state;
        return state == LobbyState.LetIn ? Redirect($"/reviews/{ReviewId}") : Page();
    }

    /// <summary>For the page's script, which asks every few seconds.</summary>
    public async Task<IActionResult> OnGetStatusAsync() =>
        await StateAsync() is { } state ? new JsonResult(new { state = state.ToString(), board = $"/reviews/{ReviewId}" }) : NotFound();

    private async Task<LobbyState?> StateAsync() =>
        memberships.WaitingParticipantId(HttpContext, ReviewId) is { } participantId ? await queries.LobbyStateAsync(ReviewId, participantId) : null;
}
