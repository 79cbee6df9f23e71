using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Pages.Forms;

namespace ReviewRoom.Pages.Account;

public sealed class SignInModel(AccountService accounts, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.SignInAsync(Email, Password);
        if (result.Account is { } account)
        {
            await FacilitatorSignIn.SignInAsync(HttpContext, account);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // The same words for a wrong password and a paused account, so nobody learns which addresses have accounts.
        Errors.Add("email", text["SignIn.Wrong", AccountService.LockoutTime.TotalMinutes]);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await FacilitatorSignIn.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
