using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReviewRoom.Access;

/// <summary>
/// Holds every form post to the poster's rate limit: in a review, the same bucket as their hub
/// calls; joining by a link, that link's; otherwise their account's, or their address's. A refused
/// post changes nothing and says when to try again.
/// </summary>
public sealed class FormPostLimit(ParticipantLimits limits, MembershipCookies memberships, ILogger<FormPostLimit> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || IsErrorPage(http) || await limits.TryTakeAsync(KeyOf(context)) is not { } retryAfter)
        {
            await next();
            return;
        }

        logger.LogInformation("Refused a form post to {Path}: too fast, try again after {RetryAfter}", http.Request.Path, retryAfter);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    // The error page shown for a refused (or failed) post runs as a post too: it is part of that answer, not another post,
    // or each refusal would take from the poster's address and soon leave the page blank.
    private static bool IsErrorPage(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null;

    private string KeyOf(PageHandlerExecutingContext context)
    {
        var http = context.HttpContext;
        var reviewId = context.RouteData.Values["reviewId"] as string;
        if (reviewId is not null && memberships.WaitingParticipantId(http, reviewId) is { } participantId)
        {
            return ParticipantLimits.KeyOf(reviewId, participantId);
        }

        // Someone joining by their own link is known by it, so others behind the same address cannot use up their turn.
        if (context.RouteData.Values["token"] is string token && InvitationToken.IsWellFormed(token))
        {
            return $"invitation/{InvitationToken.Hash(token)}";
        }

        return FacilitatorSignIn.AccountId(http.User) is { } accountId
            ? $"account/{accountId}"
            : $"address/{AccessLimits.AddressOf(http)}";
    }
}
