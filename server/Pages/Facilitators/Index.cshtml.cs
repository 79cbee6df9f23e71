using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Account;
using ReviewRoom.Pages.Forms;

namespace ReviewRoom.Pages.Facilitators;

/// <summary>The administrator's list of who may run reviews.</summary>
public sealed class IndexModel(AccountService accounts, ReviewErrorText errorText, Microsoft.Extensions.Options.IOptions<ReviewRoomOptions> options) : PageModel
{
    public OrganisationSignInOptions Organisation => options.Value.OrganisationSignIn;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<FacilitatorAccount> Facilitators { get; private set; } = [];

    public IActionResult OnGet() => Show();

    public async Task<IActionResult> OnPostAddAsync()
    {
        try
        {
            await accounts.AddFacilitatorAsync(Me, Name, Email, Password, organisationSignIn: Organisation.IsOn);
            return Redirect("/facilitators");
        }
        catch (ReviewRuleException refusal) when (!refusal.Errors.Contains(ReviewError.AdministratorOnly))
        {
            AccountForm.Show(Errors, refusal, errorText);
            return Show();
        }
        catch (ReviewRuleException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string accountId)
    {
        try
        {
            await accounts.RemoveFacilitatorAsync(Me, accountId);
            return Redirect("/facilitators");
        }
        catch (ReviewRuleException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    private string Me => FacilitatorSignIn.AccountId(User)!;

    private IActionResult Show()
    {
        try
        {
            Facilitators = accounts.Facilitators(Me);
            return Page();
        }
        catch (ReviewRuleException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}
