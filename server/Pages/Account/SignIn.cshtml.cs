using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ReviewRoom.Accounts;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;

namespace ReviewRoom.Pages.Account;

public sealed class SignInModel(AccountService accounts, IOptions<ReviewRoomOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public OrganisationSignInOptions Organisation => options.Value.OrganisationSignIn;

    /// <summary>Back from the organisation's provider, but not someone who may facilitate here.</summary>
    [BindProperty(SupportsGet = true, Name = "organisation")] public string? OrganisationAnswer { get; set; }

    public bool OrganisationRefused => OrganisationAnswer == "refused";

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Organisation.LocalPasswords)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

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

    /// <summary>Off to the organisation's provider; back through the handler, which lets in only facilitators.</summary>
    public IActionResult OnPostOrganisation() =>
        Organisation.IsOn
            ? Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, OrganisationSignIn.Scheme)
            : NotFound();

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await FacilitatorSignIn.SignOutAsync(HttpContext);
        return Redirect("/");
    }
}
