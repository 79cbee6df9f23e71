using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReviewRoom.Access;
using ReviewRoom.Reviews;

namespace ReviewRoom.Pages.Administration;

/// <summary>Finding a person, whoever ran their reviews, to answer a subject access request or a request to be forgotten.</summary>
public sealed class PeopleModel(SubjectAccess subjectAccess) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }

    public IReadOnlyList<PersonRecord> People { get; private set; } = [];

    public void OnGet() => People = subjectAccess.People(FacilitatorSignIn.AccountId(User)!, Find);
}
