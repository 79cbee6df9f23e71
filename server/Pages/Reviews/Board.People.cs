using Microsoft.AspNetCore.Mvc;
using ReviewRoom.Domain;

namespace ReviewRoom.Pages.Reviews;

/// <summary>Who is in the room: invitations, the big screen's link, co-facilitators, the lobby, new links, and taking someone or their cards out.</summary>
public sealed partial class BoardModel
{
    public async Task<IActionResult> OnPostInviteAsync(string? name, string? relationship, Role role = Role.Contributor)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            var token = await reviews.InviteAsync(member, name, relationship, role);
            // Shown once, after the redirect, so reloading the board does not invite them twice.
            TempData[InvitationLinkKey] = JoinLink(Request, token);
            return Redirect($"/reviews/{ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            foreach (var error in refusal.Errors)
            {
                Errors.Add(error is ReviewError.RelationshipMissing or ReviewError.RelationshipTooLong ? "invite-relationship" : "invite-name", errorText.For(error));
            }

            (InviteName, InviteRelationship) = (name, relationship);
            return await ShowAsync(member);
        }
    }

    public Task<IActionResult> OnPostScreenLinkAsync() =>
        FacilitatorActionAsync(async member => TempData[ScreenLinkKey] = JoinLink(Request, await reviews.AddScreenAsync(member)));

    public Task<IActionResult> OnPostCoFacilitatorAsync(string? email) =>
        FacilitatorActionAsync(
            member => reviews.AddCoFacilitatorAsync(member, accounts.ActiveByEmail(email), text["Role.CoFacilitator"]),
            refusal =>
            {
                Errors.Add("co-facilitator-email", errorText.For(refusal));
                CoFacilitatorEmail = email;
            });

    /// <summary>Takes the review off this device (a shared phone or computer): its cookie goes. The link still works.</summary>
    public IActionResult OnPostLeave()
    {
        memberships.Forget(HttpContext, ReviewId);
        return Redirect("/left");
    }

    public async Task<IActionResult> OnPostAdmitAsync(string? waitingId, bool letIn)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await reviews.AdmitAsync(member, waitingId, letIn);
            return Redirect($"/reviews/{ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            Errors.Add("invited", errorText.For(refusal));
            return await ShowAsync(member);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? participantId)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await reviews.RemoveParticipantAsync(member, participantId);
            return Redirect($"/reviews/{ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            Errors.Add("invited", errorText.For(refusal));
            return await ShowAsync(member);
        }
    }

    /// <summary>
    /// Someone's link made again, for one that may have got out: shown once, on the board or, once the
    /// review is closed, on the minutes. Asked for one's own, this device stays in by the new link.
    /// </summary>
    public async Task<IActionResult> OnPostNewLinkAsync(string? participantId)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            var link = await reviews.ReissueLinkAsync(member, participantId);
            memberships.KeepIfOwn(HttpContext, member, link);
            TempData[NewLinkKey] = $"{link.Name}\t{JoinLink(Request, link.Token)}";
            return Redirect(link.ReviewClosed ? $"/minutes/{ReviewId}#new-link" : $"/reviews/{ReviewId}#new-link");
        }
        catch (ReviewRuleException)
        {
            return Forbidden();
        }
    }

    /// <summary>The facilitator takes every card one person has on the board off it at once, after a flood of them, say.</summary>
    public Task<IActionResult> OnPostRemoveCardsByAsync(string? participantId) =>
        FacilitatorActionAsync(
            async member =>
            {
                var removed = await reviews.RemoveCardsByAsync(member, participantId);
                TempData[RemovedCardsByKey] = text["Board.RemovedCardsBy", removed, await queries.NameOfAsync(member, participantId) ?? ""].Value;
            },
            refusal => Errors.Add("invited", errorText.For(refusal)));
}
