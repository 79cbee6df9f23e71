using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;

namespace ReviewRoom.Pages.Account;

/// <summary>First run only: whoever has the code from the server's log creates the administrator account.</summary>
public sealed class SetupModel(AccountService accounts, ReviewErrorText errorText) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public FormErrors Errors { get; } = new();

    public IActionResult OnGet() => accounts.NeedsSetup ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!accounts.NeedsSetup)
        {
            return NotFound();
        }

        try
        {
            var account = await accounts.SetUpAsync(Code, Name, Email, Password);
            await FacilitatorSignIn.SignInAsync(HttpContext, account);
            return Redirect("/");
        }
        catch (ReviewRuleException refusal)
        {
            AccountForm.Show(Errors, refusal, errorText);
            return Page();
        }
    }
}
