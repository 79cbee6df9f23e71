using Microsoft.AspNetCore.Localization;
using ReviewRoom.Access;
using ReviewRoom.Domain;

namespace ReviewRoom.Infrastructure;

/// <summary>The language someone chose, kept in a cookie of its own for a year.</summary>
public sealed class LanguageChoice(SiteCookies cookies)
{
    public string CookieName => cookies.Named("language");

    public bool IsMade(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    public void Remember(HttpResponse response, Language language) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Languages.CultureOf(language))), SiteCookies.Lasting(TimeSpan.FromDays(365)));
}
