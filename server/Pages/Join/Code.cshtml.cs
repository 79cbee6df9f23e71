using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Join;

/// <summary>Joining with the code on the big screen: you wait in the lobby until someone lets you in.</summary>
public sealed class CodeModel(ReviewService reviews, MembershipCookies memberships, JoinCodeBudget budget, ReviewErrorText errorText, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Relationship { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (attempt, wait) = await budget.BeginAsync(AccessLimits.AddressOf(HttpContext));
        if (attempt is null)
        {
            Errors.Add("code", text["JoinCode.Slowed", Math.Ceiling(wait.TotalSeconds)]);
            return Page();
        }

        try
        {
            if (await reviews.AskToJoinAsync(Code, Name, Relationship) is not { } asking)
            {
                Errors.Add("code", text["JoinCode.Wrong"]);
                return Page();
            }

            await budget.RightAsync(attempt);
            memberships.Admit(HttpContext, asking);
            return Redirect($"/lobby/{asking.ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            // The code was right (the review checked the name); only the form needs mending.
            await budget.RightAsync(attempt);
            foreach (var error in refusal.Errors)
            {
                Errors.Add(error switch
                {
                    ReviewError.RelationshipMissing or ReviewError.RelationshipTooLong => "relationship",
                    ReviewError.NameMissing or ReviewError.NameTooLong => "name",
                    _ => "code",
                }, errorText.For(error));
            }

            return Page();
        }
    }
}
