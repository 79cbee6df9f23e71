using Microsoft.AspNetCore.Mvc;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.Sections;

namespace ReviewRoom.Pages.Reviews;

/// <summary>What people add to the board: cards, actions, and the self-assessment's choices, each by a form that works without the script.</summary>
public sealed partial class BoardModel
{
    public async Task<IActionResult> OnPostAddCardAsync(string? sectionId, string? text, string? operationId, string? place, string? saidBy, string? findOutBy, string?[]? answers)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            var (perspective, working) = CardPlace.Parse(place);
            await reviews.AddCardAsync(member, operationId, new CardDraft(sectionId, text, perspective, working, saidBy, findOutBy, answers));
            return Redirect($"/reviews/{ReviewId}#section-{sectionId}");
        }
        catch (ReviewRuleException refusal)
        {
            var field = $"card-{sectionId}";
            Errors.Add(field, errorText.For(refusal));
            Drafts[sectionId ?? ""] = text ?? "";
            foreach (var (answer, i) in (answers ?? []).Select((a, i) => (a, i)))
            {
                Drafts[AnswerDraft(sectionId, i)] = answer ?? "";
            }
            return await ShowAsync(member);
        }
    }

    /// <summary>Where what was typed under a chart's column is kept when the form comes back with a mistake.</summary>
    public static string AnswerDraft(string? sectionId, int answer) => $"answer-{answer}-{sectionId}";

    public async Task<IActionResult> OnPostAddActionAsync(string? sectionId, string? what, string? owner, DateOnly? due, string? operationId)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await reviews.AddActionAsync(member, operationId, new ActionDraft(sectionId, what, owner, ModelState.IsValid ? due : null));
            return Redirect($"/reviews/{ReviewId}#section-{sectionId}");
        }
        catch (ReviewRuleException refusal)
        {
            foreach (var error in refusal.Errors)
            {
                Errors.Add(error switch
                {
                    ReviewError.ActionOwnerMissing or ReviewError.ActionOwnerTooLong => $"action-owner-{sectionId}",
                    ReviewError.ActionDueMissing => $"action-due-{sectionId}",
                    _ => $"action-what-{sectionId}",
                }, errorText.For(error));
            }

            Drafts[$"action-what-{sectionId}"] = what ?? "";
            Drafts[$"action-owner-{sectionId}"] = owner ?? "";
            Drafts[$"action-due-{sectionId}"] = due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
            return await ShowAsync(member);
        }
    }

    public async Task<IActionResult> OnPostChooseAsync(string? sectionId, int? statement, string? agreedBy)
    {
        if (await ActorAsync() is not { } member)
        {
            return Forbidden();
        }

        try
        {
            await reviews.ChooseAsync(member, sectionId, statement ?? -1, agreedBy);
            return Redirect($"/reviews/{ReviewId}#section-{sectionId}");
        }
        catch (ReviewRuleException refusal)
        {
            Errors.Add($"choice-{sectionId}-0", errorText.For(refusal));
            return await ShowAsync(member);
        }
    }
}
