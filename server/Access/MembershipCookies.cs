using Microsoft.AspNetCore.DataProtection;
using ReviewRoom.Reviews;

namespace ReviewRoom.Access;

/// <summary>
/// Who you are in a review is held in a cookie for that review only: its name carries the review's
/// id and its protected value is bound to it, so it means nothing in any other review.
/// </summary>
public sealed class MembershipCookies(IDataProtectionProvider dataProtection, ReviewQueries queries)
{
    private const string Prefix = "rr-";

    public void Admit(HttpContext context, ReviewMember member) =>
        context.Response.Cookies.Append(CookieName(member.ReviewId), Protector(member.ReviewId).Protect(member.ParticipantId), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(90),
        });

    /// <summary>Ends this device's place in the review; the invitation link brings them back.</summary>
    public void Forget(HttpContext context, string? reviewId)
    {
        if (IsReviewId(reviewId))
        {
            context.Response.Cookies.Delete(CookieName(reviewId), new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax });
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

        return ParticipantId(reviewId, value) is { } participantId ? await queries.FindMemberAsync(reviewId, participantId) : null;
    }

    /// <summary>
    /// Who the caller is in this review, whether or not they may still be in the room (to read the
    /// minutes after it closes): from the review's cookie, or a signed-in facilitator's account.
    /// </summary>
    public async Task<string?> ParticipantIdAsync(HttpContext context, string? reviewId)
    {
        if (WaitingParticipantId(context, reviewId) is { } participantId)
        {
            return participantId;
        }

        return IsReviewId(reviewId) && FacilitatorSignIn.AccountId(context.User) is { } accountId
            ? (await queries.FindMemberByAccountAsync(reviewId, accountId))?.ParticipantId
            : null;
    }

    /// <summary>Whose cookie this is for the review, whether or not they have been let in yet.</summary>
    public string? WaitingParticipantId(HttpContext context, string? reviewId) =>
        IsReviewId(reviewId) && context.Request.Cookies.TryGetValue(CookieName(reviewId), out var value) ? ParticipantId(reviewId, value) : null;

    private string? ParticipantId(string reviewId, string value)
    {
        try
        {
            return Protector(reviewId).Unprotect(value);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static bool IsReviewId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? reviewId) =>
        reviewId is { Length: 32 } && reviewId.All(char.IsAsciiHexDigitLower);

    private static string CookieName(string reviewId) => Prefix + reviewId;

    private IDataProtector Protector(string reviewId) => dataProtection.CreateProtector("ReviewRoom.Membership", reviewId);
}
