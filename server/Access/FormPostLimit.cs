using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReviewRoom.Access;

/// <summary>
/// Holds every form post to the poster's rate limit: in a review, the same bucket as their hub
/// calls; otherwise their account's, or their address's. A refused post changes nothing and says
/// when to try again.
/// </summary>
public sealed class FormPostLimit(ParticipantLimits limits, MembershipCookies memberships, ILogger<FormPostLimit> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || limits.TryTake(KeyOf(context)) is not { } retryAfter)
        {
            await next();
            return;
        }

        logger.LogInformation("Refused a form post to {Path}: too fast, try again after {RetryAfter}", http.Request.Path, retryAfter);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    private string KeyOf(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        var reviewId = context.RouteData.Values["reviewId"] as string;
        if (reviewId is not null && memberships.WaitingParticipantId(http, reviewId) is { } participantId)
        {
            return ParticipantLimits.KeyOf(reviewId, participantId);
        }

        return FacilitatorSignIn.AccountId(http.User) is { } accountId
            ? $"account/{accountId}"
            : $"address/{http.Connection.RemoteIpAddress}";
    }
}
