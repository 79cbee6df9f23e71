using Microsoft.AspNetCore.Mvc;
using ReviewRoom.Domain;

namespace ReviewRoom.Pages.Reviews;

/// <summary>The meeting itself: its details and apologies, the join code, and the facilitator's timer.</summary>
public sealed partial class BoardModel
{
    public Task<IActionResult> OnPostJoinCodeAsync(bool open) => FacilitatorActionAsync(member => reviews.SetJoinCodeAsync(member, open));

    /// <summary>The facilitator's timer: start it for so many minutes, pause, carry on, add a minute, stop.</summary>
    public Task<IActionResult> OnPostTimerAsync(TimerCommand command, int? minutes) =>
        FacilitatorActionAsync(member => reviews.SetTimerAsync(member, command, minutes), refusal => Errors.Add("timer-minutes", errorText.For(refusal)));

    public Task<IActionResult> OnPostDetailsAsync(string? place, DateOnly? nextReview, DateOnly? date, TimeOnly? startsAt) =>
        FacilitatorActionAsync(
            member => reviews.SetDetailsAsync(member, place, nextReview, date, startsAt),
            refusal =>
            {
                foreach (var error in refusal.Errors)
                {
                    Errors.Add(error == ReviewError.PlaceTooLong ? "place" : "next-review", errorText.For(error));
                }
            });

    public Task<IActionResult> OnPostApologyAsync(string? name, string? relationship, string? contribution) =>
        FacilitatorActionAsync(
            member => reviews.AddApologyAsync(member, name, relationship, contribution),
            refusal =>
            {
                foreach (var error in refusal.Errors)
                {
                    Errors.Add(error switch
                    {
                        ReviewError.RelationshipMissing or ReviewError.RelationshipTooLong => "apology-relationship",
                        ReviewError.ContributionTooLong => "apology-contribution",
                        _ => "apology-name",
                    }, errorText.For(error));
                }

                ApologyDraft = (name, relationship, contribution);
            });

    public Task<IActionResult> OnPostRemoveApologyAsync(string? apologyId) => FacilitatorActionAsync(member => reviews.RemoveApologyAsync(member, apologyId));
}
