using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Realtime;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Reviews;

/// <summary>The room. Rendered in full on the server, so it works before (and without) the live connection.</summary>
public sealed partial class BoardModel(
    ReviewService reviews, ReviewQueries queries, AuditTrail trail, AccountService accounts, MembershipCookies memberships, PresenceTracker presence, ReviewErrorText errorText,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute] public string ReviewId { get; set; } = "";

    public BoardSnapshot Board { get; private set; } = null!;
    public ParticipantView Me { get; private set; } = null!;
    public IReadOnlyList<ParticipantView> HereNow { get; private set; } = [];
    public FormErrors Errors { get; } = new();
    public Dictionary<string, string> Drafts { get; } = [];
    public string? InviteName { get; private set; }
    public string? InviteRelationship { get; private set; }
    public string? InvitationLink { get; private set; }
    public string? ScreenLink { get; private set; }

    /// <summary>What the facilitator's "Remove all cards by …" did, shown once after the redirect.</summary>
    public string? RemovedCardsBy { get; private set; }

    /// <summary>Links made with a follow-up review for the people invited again, shown once.</summary>
    public IReadOnlyList<(string Name, string Link)> MoreLinks { get; private set; } = [];
    public string? CoFacilitatorEmail { get; private set; }
    public (string? Name, string? Relationship, string? Contribution) ApologyDraft { get; private set; }
    public bool DetailsOpen => DetailsFields.Any(f => Errors.For(f) is not null);
    public bool InviteOpen => InvitationLink is not null || Errors.For("invite-name") is not null || Errors.For("invite-relationship") is not null;
    public bool IsFacilitator => Me.Role == Role.Facilitator;
    public bool IsPerson => Me.Role == Role.Person;
    public bool PersonInvited => Board.Participants.Any(p => p.Role == Role.Person);

    /// <summary>Someone's link made again, shown once: whose, and the link.</summary>
    public (string Name, string Link)? NewLink { get; private set; }

    /// <summary>The facilitator may make a new link for the person or anyone invited; the person, for themselves or anyone invited.</summary>
    public bool CanMakeNewLink(ParticipantView participant) =>
        participant.Role == Role.Contributor ? IsFacilitator || IsPerson : participant.Role == Role.Person && (IsFacilitator || participant.Id == Me.Id);

    /// <summary>The facilitator or the person may take anyone out but themselves and the lead facilitator; only facilitators remove a co-facilitator.</summary>
    public bool CanRemove(ParticipantView participant) =>
        (IsFacilitator || IsPerson) && participant.Id != Me.Id
        && (participant.Role != Role.Facilitator || (IsFacilitator && participant.Id != Board.Participants.First(p => p.Role == Role.Facilitator).Id));

    public const string InvitationLinkKey = "InvitationLink";
    public const string ScreenLinkKey = "ScreenLink";
    public const string MoreLinksKey = "MoreLinks";
    public const string RemovedCardsByKey = "RemovedCardsBy";
    public const string NewLinkKey = "NewLink";

    private static readonly string[] DetailsFields = ["place", "next-review", "apology-name", "apology-relationship", "apology-contribution"];

    public static string JoinLink(HttpRequest request, string token) => $"{SiteAddress.Of(request)}/join/{token}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await memberships.FindAsync(HttpContext, ReviewId) is not { } member)
        {
            return Forbidden();
        }

        if (member.OnlyReads)
        {
            return Redirect($"/screen/{ReviewId}");
        }

        // A co-facilitator's first visit is when they join.
        await reviews.JoinAsync(member);
        await trail.SawAsync(ReviewId, member.ParticipantId, "board-viewed");
        InvitationLink = TempData[InvitationLinkKey] as string;
        ScreenLink = TempData[ScreenLinkKey] as string;
        RemovedCardsBy = TempData[RemovedCardsByKey] as string;
        NewLink = ShownOnce(TempData, NewLinkKey);
        MoreLinks = [.. (TempData[MoreLinksKey] as string ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).Select(p => (p[0], p[1]))];
        var page = await ShowAsync(member);
        return Board.IsClosed ? Redirect($"/minutes/{ReviewId}") : page;
    }

    private async Task<IActionResult> ShowAsync(ReviewMember member)
    {
        Board = (await queries.SnapshotAsync(member))!;
        Me = Board.Participants.First(p => p.Id == member.ParticipantId);
        var here = (await presence.HereAsync(ReviewId)).Append(Me.Id).ToHashSet();
        HereNow = [.. Board.Participants.Where(p => here.Contains(p.Id))];
        return Page();
    }

    /// <summary>
    /// A facilitator's control or form: the board again when it works; a form's own mistakes shown on
    /// it in plain words; anyone who may not use it refused outright.
    /// </summary>
    private async Task<IActionResult> FacilitatorActionAsync(Func<ReviewMember, Task> change, Action<ReviewRuleException>? showMistakes = null)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await change(member);
            return Redirect($"/reviews/{ReviewId}");
        }
        catch (ReviewRuleException refusal) when (showMistakes is not null && !refusal.Errors.Contains(ReviewError.FacilitatorOnly))
        {
            showMistakes(refusal);
            return await ShowAsync(member);
        }
        catch (ReviewRuleException)
        {
            return Forbidden();
        }
    }

    /// <summary>Who is changing the review: a member, and not a big screen, which only shows it.</summary>
    private async Task<ReviewMember?> ActorAsync() =>
        await memberships.FindAsync(HttpContext, ReviewId) is { OnlyReads: false } member ? member : null;

    /// <summary>A new link kept for the page after the redirect, and gone from it after that.</summary>
    public static (string Name, string Link)? ShownOnce(ITempDataDictionary tempData, string key) =>
        tempData[key] is string kept && kept.Split('\t') is [var name, var link] ? (name, link) : null;

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
