namespace ReviewRoom.Realtime;

/// <summary>
/// A browser always says which site a page came from when it opens the room's connection: one from
/// any other site is refused, so another page cannot borrow a member's cookie to read or change the
/// room. Clients that are not browsers send no Origin, and their cookie alone decides, as before.
/// </summary>
public sealed class HubOriginCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(origin, Infrastructure.SiteAddress.Of(context.Request), StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
