using Microsoft.AspNetCore.Diagnostics;
using ReviewRoom.Access;

namespace ReviewRoom.Realtime;

/// <summary>
/// Turns back, with 429 and Retry-After, a connection to the room from someone who was sent away for
/// flooding it: before the socket opens, so a script reconnecting at once costs a cookie check, not a room.
/// </summary>
public sealed class SentAwayGate(RequestDelegate next, ParticipantLimits limits, MembershipCookies memberships)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var reviewId = context.Request.Query["review"].ToString();
        if (await memberships.ParticipantIdAsync(context, reviewId) is { } participantId
            && limits.SentAwayFor(ParticipantLimits.KeyOf(reviewId, participantId)) is { } left)
        {
            // No page for a socket that is turned away: the status is the whole answer.
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        await next(context);
    }
}
