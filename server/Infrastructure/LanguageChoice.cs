using Microsoft.AspNetCore.Localization;
using ReviewRoom.Domain;

namespace ReviewRoom.Infrastructure;

/// <summary>The language someone chose, kept in a cookie of its own for a year.</summary>
public static class LanguageChoice
{
    public const string CookieName = "rr-language";

    public static bool IsMade(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    public static void Remember(HttpResponse response, Language language, bool secure)
    {
        var culture = Languages.CultureOf(language);
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
