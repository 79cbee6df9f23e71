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

/// <summary>A new review, or the next one for the same person ("after" an earlier review), which picks up where that one ended.</summary>
public sealed class NewModel(
    ReviewService reviews, ReviewQueries queries, AccountService accounts, MembershipCookies memberships, TemplateCatalog templates, ReviewErrorText errorText, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<ReviewError, string> FieldOf = new()
    {
        [ReviewError.PersonNameMissing] = "person-name",
        [ReviewError.PersonNameTooLong] = "person-name",
        [ReviewError.ReferenceTooLong] = "reference",
        [ReviewError.TitleMissing] = "title",
        [ReviewError.TitleTooLong] = "title",
        [ReviewError.DateMissing] = "date",
        [ReviewError.TemplateMissing] = "template",
    };

    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? TemplateId { get; set; }
    [BindProperty] public string[] InviteAgain { get; set; } = [];

    /// <summary>The language the person chose; the facilitator's own to begin with.</summary>
    [BindProperty] public Domain.Language Language { get; set; } = Languages.Current;

    /// <summary>The review this one follows, if any.</summary>
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public FollowUp? FollowUp { get; private set; }
    public FormErrors Errors { get; } = new();

    public IReadOnlyList<ReviewTemplate> Templates => templates.All;

    public async Task<IActionResult> OnGetAsync()
    {
        TemplateId = (templates.Find("person-centred-review") ?? templates.All[0]).Id;
        if (After is null)
        {
            return Page();
        }

        if (await FollowUpAsync() is not { } followUp)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        (Title, Date, TemplateId, InviteAgain, Language) = (followUp.Title, followUp.NextReviewDate, followUp.TemplateId, [.. followUp.Suggested.Select(i => i.ParticipantId)], followUp.Language);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        FollowUp? followUp = null;
        if (After is not null && (followUp = await FollowUpAsync()) is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            // A date the browser could not read arrives as null, and is asked for again.
            var facilitator = accounts.Active(FacilitatorSignIn.AccountId(User)) ?? throw new ReviewRuleException(ReviewError.AccountNotFound);
            var (member, invited) = await reviews.CreateAsync(
                facilitator,
                new NewReview(PersonName, Title, ModelState.IsValid ? Date : null, TemplateId, Reference, Language),
                new NewReviewWords(text["Role.Facilitator"], text["Role.PersonRelationship"], Languages.InEach(() => text["LastTime.Heading"]), Languages.InEach(() => text["LastTime.Prompt"])),
                followUp);
            TempData[BoardModel.InvitationLinkKey] = BoardModel.JoinLink(Request, invited[0].Token);
            TempData[BoardModel.MoreLinksKey] = string.Join('\n', invited.Skip(1).Select(i => $"{i.Name}\t{BoardModel.JoinLink(Request, i.Token)}"));
            return Redirect($"/reviews/{member.ReviewId}");
        }
        catch (ReviewRuleException refusal)
        {
            foreach (var error in refusal.Errors)
            {
                Errors.Add(FieldOf.GetValueOrDefault(error, "person-name"), errorText.For(error));
            }

            FollowUp = followUp;
            return Page();
        }
    }

    private async Task<FollowUp?> FollowUpAsync()
    {
        FollowUp = await memberships.FindAsync(HttpContext, After) is { OnlyReads: false } previous ? await queries.FollowUpOfAsync(previous, InviteAgain) : null;
        return FollowUp;
    }
}
