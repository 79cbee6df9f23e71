using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Realtime;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Screen;

/// <summary>The big screen: read-only, large type, following "Now discussing". Opened by the facilitator, or on another device by a screen link.</summary>
public sealed class IndexModel(ReviewQueries queries, AuditTrail trail, MembershipCookies memberships, PresenceTracker presence, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    public BoardSnapshot Board { get; private set; } = null!;
    public int HereCount { get; private set; }
    public Dictionary<string, string> ClientText { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScreenAsync() is not { } member)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Board = (await queries.SnapshotAsync(member))!;
        await trail.SawAsync(ReviewId, member.ParticipantId, "screen-viewed");
        HereCount = (await presence.HereAsync(ReviewId)).Count;
        string[] shown = ["Screen.", "Board.Status.", "Board.Lights.", "Board.Timer."];
        foreach (var shared in text.GetAllStrings().Where(s => shown.Any(prefix => s.Name.StartsWith(prefix, StringComparison.Ordinal)) || s.Name == "Board.Action.WhoWhen"))
        {
            ClientText[shared.Name] = shared.Value;
        }

        return Page();
    }

    /// <summary>A QR code that opens the join page with this review's code filled in.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        if (await ScreenAsync() is not { } member || (await queries.SnapshotAsync(member))?.JoinCode is not { } code)
        {
            return NotFound();
        }

        using var data = QRCoder.QRCodeGenerator.GenerateQrCode($"{ReviewRoom.Infrastructure.SiteAddress.Of(Request)}/join?code={code}", QRCoder.QRCodeGenerator.ECCLevel.M);
        var svg = new QRCoder.SvgQRCode(data).GetGraphic(10);
        return Content(svg, "image/svg+xml");
    }

    /// <summary>The big screen is shown to a facilitator of this review or a screen link for it, and always read-only.</summary>
    private async Task<ReviewMember?> ScreenAsync() =>
        await memberships.FindAsync(HttpContext, ReviewId) is { } member && await queries.RoleOfAsync(member) is Role.Facilitator or Role.Screen
            ? member with { OnlyReads = true }
            : null;
}
