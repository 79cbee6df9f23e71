using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ReviewRoom.Reviews;

namespace ReviewRoom.Access;

/// <summary>
/// Who you are in a review is held in a cookie for that review only: its name carries the review's
/// id and its protected value is bound to it, so it means nothing in any other review. The value
/// holds which of the participant's links let them in, so making the link again ends it.
/// </summary>
public sealed class MembershipCookies(IDataProtectionProvider dataProtection, ReviewQueries queries, SiteCookies cookies, TimeProvider clock)
{
    private static readonly TimeSpan LongestStay = TimeSpan.FromDays(90);

    /// <param name="linkNumber">Which of their links let them in (<see cref="Domain.Participant.LinkNumber"/>).</param>
    /// <param name="until">When their link stops working, if it does: the cookie goes no longer.</param>
    public void Admit(HttpContext context, ReviewMember member, int linkNumber = 0, DateTimeOffset? until = null)
    {
        var stay = until is { } ends ? TimeSpan.FromTicks(Math.Clamp((ends - clock.GetUtcNow()).Ticks, 0, LongestStay.Ticks)) : LongestStay;
        var pass = string.Create(CultureInfo.InvariantCulture, $"{member.ParticipantId} {linkNumber}");
        context.Response.Cookies.Append(CookieName(member.ReviewId), Protector(member.ReviewId).Protect(pass), SiteCookies.Lasting(stay));
    }

    /// <summary>After someone's link is made again: if it was the asker's own, this device stays in by the new one.</summary>
    public void KeepIfOwn(HttpContext context, ReviewMember asker, ReissuedLink link)
    {
        if (link.ParticipantId == asker.ParticipantId)
        {
            Admit(context, asker, link.LinkNumber, link.ExpiresAt);
        }
    }

    /// <summary>Ends this device's place in the review; the invitation link brings them back.</summary>
    public void Forget(HttpContext context, string? reviewId)
    {
        if (IsReviewId(reviewId))
        {
            context.Response.Cookies.Delete(CookieName(reviewId), SiteCookies.Lasting(TimeSpan.Zero));
        }
    }

    /// <summary>
    /// The caller's place in this review, checked against the saved review: from the review's own
    /// cookie, or for a signed-in facilitator, from their account. Null for anyone else.
    /// </summary>
    public async Task<ReviewMember?> FindAsync(HttpContext context, string? reviewId)
    {
        if (!IsReviewId(reviewId))
        {
            return null;
        }

        if (!context.Request.Cookies.TryGetValue(CookieName(reviewId), out var value))
        {
            return FacilitatorSignIn.AccountId(context.User) is { } accountId ? await queries.FindMemberByAccountAsync(reviewId, accountId) : null;
        }

        return Pass(reviewId, value) is { } pass ? await queries.FindMemberAsync(reviewId, pass.ParticipantId, pass.LinkNumber) : null;
    }

    /// <summary>
    /// Who the caller is in this review, whether or not they may still be in the room (to read the
    /// minutes after it closes): from the review's cookie, or a signed-in facilitator's account.
    /// </summary>
    public async Task<string?> ParticipantIdAsync(HttpContext context, string? reviewId)
    {
        if (IsReviewId(reviewId) && context.Request.Cookies.TryGetValue(CookieName(reviewId), out var value) && Pass(reviewId, value) is { } pass)
        {
            return await queries.HoldsLinkAsync(reviewId, pass.ParticipantId, pass.LinkNumber) ? pass.ParticipantId : null;
        }

        return IsReviewId(reviewId) && FacilitatorSignIn.AccountId(context.User) is { } accountId
            ? (await queries.FindMemberByAccountAsync(reviewId, accountId))?.ParticipantId
            : null;
    }

    /// <summary>Whose cookie this is for the review, whether or not they have been let in yet.</summary>
    public string? WaitingParticipantId(HttpContext context, string? reviewId) =>
        IsReviewId(reviewId) && context.Request.Cookies.TryGetValue(CookieName(reviewId), out var value) ? Pass(reviewId, value)?.ParticipantId : null;

    // Cookies made before links could be made again hold the participant's id alone: their first link.
    private (string ParticipantId, int LinkNumber)? Pass(string reviewId, string value)
    {
        try
        {
            var pass = Protector(reviewId).Unprotect(value).Split(' ');
            return (pass[0], pass.Length > 1 && int.TryParse(pass[1], CultureInfo.InvariantCulture, out var number) ? number : 0);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static bool IsReviewId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? reviewId) =>
        reviewId is { Length: 32 } && reviewId.All(char.IsAsciiHexDigitLower);

    private string CookieName(string reviewId) => cookies.Named(reviewId);

    private IDataProtector Protector(string reviewId) => dataProtection.CreateProtector("ReviewRoom.Membership", reviewId);
}
