using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Pages.Language;

/// <summary>
/// The language switcher on every page: remembers the choice in a cookie and goes back to the page it
/// was made on. A post, not a link, so the page's address (an invitation's, say) never travels in another one.
/// </summary>
public sealed class IndexModel(LanguageChoice choice) : PageModel
{
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Back { get; set; }

    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        if (Languages.FromCode(To) is { } language)
        {
            choice.Remember(Response, language);
        }

        return LocalRedirect(Url.IsLocalUrl(Back) ? Back : "/");
    }
}
