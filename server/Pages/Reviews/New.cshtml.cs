using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Pages.Forms;
using ReviewRoom.Reviews;
using ReviewRoom.Templates;

namespace ReviewRoom.Pages.Reviews;

public sealed class NewModel(
    ReviewService reviews, AccountService accounts, TemplateCatalog templates, ReviewErrorText errorText, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<ReviewError, string> FieldOf = new()
    {
        [ReviewError.PersonNameMissing] = "person-name",
        [ReviewError.PersonNameTooLong] = "person-name",
        [ReviewError.TitleMissing] = "title",
        [ReviewError.TitleTooLong] = "title",
        [ReviewError.DateMissing] = "date",
        [ReviewError.TemplateMissing] = "template",
    };

    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? TemplateId { get; set; }

    public FormErrors Errors { get; } = new();

    public IReadOnlyList<ReviewTemplate> Templates => templates.All;

    public void OnGet() => TemplateId = (templates.Find("person-centred-review") ?? templates.All[0]).Id;

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            // A date the browser could not read arrives as null, and is asked for again.
            var facilitator = accounts.Active(FacilitatorSignIn.AccountId(User)) ?? throw new ReviewRuleException(ReviewError.AccountNotFound);
            var (member, personsToken) = await reviews.CreateAsync(
                facilitator, PersonName, Title, ModelState.IsValid ? Date : null, TemplateId, text["Role.Facilitator"], text["Role.PersonRelationship"]);
            TempData[BoardModel.InvitationLinkKey] = BoardModel.JoinLink(Request, personsToken);
            return Redirect($"/reviews/{member.ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            foreach (var error in refusal.Errors)
            {
                Errors.Add(FieldOf.GetValueOrDefault(error, "person-name"), errorText.For(error));
            }

            return Page();
        }
    }
}
