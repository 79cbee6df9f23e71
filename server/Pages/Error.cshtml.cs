using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ReviewRoom.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Error.Problem";
    public string Help { get; private set; } = "Error.ProblemHelp";

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status) => (Heading, Help) = status switch
    {
        403 => ("Error.Forbidden", "Error.ForbiddenHelp"),
        404 => ("Error.NotFound", "Error.NotFoundHelp"),
        400 => ("Error.BadRequest", "Error.BadRequestHelp"),
        429 => ("Error.TooFastHeading", "Error.TooFastHelp"),
        _ => ("Error.Problem", "Error.ProblemHelp"),
    };
}
