using Microsoft.AspNetCore.Mvc;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Minutes;

/// <summary>The final minutes sent by e-mail to the people the person chose, each in their own language.</summary>
public sealed partial class IndexModel
{
    private const string SentKey = "MinutesSent";
    private const string NotSentKey = "MinutesNotSent";
    private static readonly ReviewError[] EmailMistakes = [ReviewError.EmailInvalid, ReviewError.EmailNoneGiven, ReviewError.MinutesEmailedEnough, ReviewError.ReviewNotClosed];

    /// <summary>Offered to the facilitators and the person once the review is closed, when a mail server is set.</summary>
    public bool CanEmail => postbox.IsOn && Minutes.IsClosed && (IsPerson || IsFacilitator);

    /// <summary>The person and those they chose, with the addresses last given or just typed.</summary>
    public IReadOnlyList<MinutesRecipient> Recipients { get; private set; } = [];

    /// <summary>Who the minutes just went to, and who they could not go to, by name.</summary>
    public IReadOnlyList<string> Sent { get; private set; } = [];

    public IReadOnlyList<string> NotSent { get; private set; } = [];

    public static string EmailField(MinutesRecipient recipient) => $"email-{recipient.Id}";

    public async Task<IActionResult> OnPostEmailAsync([FromForm(Name = "to")] List<MinutesAddress>? to)
    {
        if (!postbox.IsOn)
        {
            return NotFound();
        }

        if (await memberships.FindAsync(HttpContext, ReviewId) is not { OnlyReads: false } member)
        {
            return Forbidden();
        }

        IReadOnlyList<MinutesRecipient> recipients;
        try
        {
            recipients = await reviews.AddressMinutesAsync(member, to);
        }
        catch (Domain.ReviewRuleException refusal) when (refusal.Errors.All(EmailMistakes.Contains))
        {
            return await ReadAsync() ? await ShowEmailMistakesAsync(refusal, to ?? []) : Forbidden();
        }
        catch (Domain.ReviewRuleException)
        {
            return Forbidden();
        }

        if (!await ReadAsync())
        {
            return Forbidden();
        }

        var sending = recipients.Select(r => (Recipient: r, Letter: letters.For(r, MinutesIn(r.Language)))).ToList();
        var notSent = await postbox.SendAsync([.. sending.Select(s => s.Letter)]);
        foreach (var (recipient, _) in sending.Where(s => !notSent.Contains(s.Letter)))
        {
            await trail.SawAsync(ReviewId, member.ParticipantId, "minutes-emailed", recipient.Id);
        }

        TempData[SentKey] = NamesOf(sending.Where(s => !notSent.Contains(s.Letter)).Select(s => s.Recipient));
        TempData[NotSentKey] = NamesOf(sending.Where(s => notSent.Contains(s.Letter)).Select(s => s.Recipient));
        return Redirect($"/minutes/{ReviewId}#email");
    }

    private async Task ReadRecipientsAsync() =>
        Recipients = CanEmail ? await queries.MinutesRecipientsAsync(new ReviewMember(ReviewId, _reader)) : [];

    // The form again with what was typed, and each address that is not one marked by name.
    private async Task<IActionResult> ShowEmailMistakesAsync(Domain.ReviewRuleException refusal, IReadOnlyList<MinutesAddress> typed)
    {
        await ReadRecipientsAsync();
        Recipients = [.. Recipients.Select(r => typed.FirstOrDefault(t => t.ParticipantId == r.Id) is { } t ? r with { Email = t.Email?.Trim() ?? "", Language = t.Language } : r)];
        var wrong = Recipients.Where(r => r.Email.Length > 0 && !EmailAddress.IsValid(r.Email)).ToList();
        foreach (var recipient in wrong)
        {
            Errors.Add(EmailField(recipient), text["MinutesPage.EmailInvalidFor", recipient.Name]);
        }

        foreach (var error in refusal.Errors.Where(e => e != ReviewError.EmailInvalid || wrong.Count == 0))
        {
            Errors.Add(Recipients.Count > 0 ? EmailField(Recipients[0]) : "email", errorText.For(error));
        }

        return Page();
    }

    private static string NamesOf(IEnumerable<MinutesRecipient> recipients) => string.Join('\n', recipients.Select(r => r.Name));

    private static string[] NamesIn(object? shownOnce) => (shownOnce as string)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
