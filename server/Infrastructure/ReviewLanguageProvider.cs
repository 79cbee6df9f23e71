using Microsoft.AspNetCore.Localization;
using ReviewRoom.Reviews;

namespace ReviewRoom.Infrastructure;

/// <summary>
/// Someone who has not chosen a language sees an invitation in the language its review's person chose.
/// </summary>
public sealed class ReviewLanguageProvider : RequestCultureProvider
{
    private const string JoinPrefix = "/join/";

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var path = httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith(JoinPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var queries = httpContext.RequestServices.GetRequiredService<ReviewQueries>();
        var invitation = await queries.FindInvitationAsync(path[JoinPrefix.Length..]);
        return invitation is null ? null : new ProviderCultureResult(Languages.CultureOf(invitation.Language).Name);
    }
}
