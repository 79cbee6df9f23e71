using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ReviewRoom.Accounts;

namespace ReviewRoom.Access;

/// <summary>The facilitator's sign-in cookie: who they are, checked again on every request against their account.</summary>
public static class FacilitatorSignIn
{
    public const string AdministratorRole = "administrator";

    public static string? AccountId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static Task SignInAsync(HttpContext context, FacilitatorAccount account) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(account));

    /// <summary>Who the sign-in cookie says they are: the account, and whether it administers.</summary>
    public static ClaimsPrincipal Principal(FacilitatorAccount account)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, account.Id), new(ClaimTypes.Name, account.Name)];
        if (account.IsAdministrator)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdministratorRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    public static void Configure(CookieAuthenticationOptions options, SiteCookies cookies)
    {
        options.Cookie.Name = cookies.Named("facilitator");
        options.LoginPath = "/sign-in";
        // A facilitator on an administrator's page is refused there and then, not sent elsewhere.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = context =>
        {
            // A removed facilitator is signed out at their next request.
            var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
            if (accounts.Active(AccountId(context.Principal!)) is null)
            {
                context.RejectPrincipal();
            }

            return Task.CompletedTask;
        };
    }
}
