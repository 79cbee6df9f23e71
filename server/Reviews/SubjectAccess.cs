using System.Text.Json;
using System.Text.Json.Serialization;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;

namespace ReviewRoom.Reviews;

/// <summary>
/// What an administrator does when a person asks for everything held about them, or asks to be
/// forgotten: across all their reviews, whoever ran them. Only an administrator may; each export is
/// recorded in every review's trail, and a deletion leaves only the fact, when and by whom.
/// </summary>
public sealed class SubjectAccess(IReviewStore store, IAccountStore accounts, ReviewService reviews, ReviewQueries queries, AuditTrail trail, TimeProvider clock)
{
    private const int ShownAtOnce = 50;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Each person with reviews, found by a part of their name or their reference; the first fifty, by name.</summary>
    public IReadOnlyList<PersonRecord> People(string administratorId, string? find)
    {
        RequireAdministrator(administratorId);
        return [.. store.AllSummaries()
            .Where(r => string.IsNullOrWhiteSpace(find)
                || r.PersonName.Contains(find.Trim(), StringComparison.CurrentCultureIgnoreCase)
                || (r.PersonReference?.Contains(find.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
            .GroupBy(r => r.PersonId)
            .Select(PersonRecord.Of)
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .Take(ShownAtOnce)];
    }

    /// <summary>One person and their reviews; null if there is no such person.</summary>
    public PersonRecord? Person(string administratorId, string personId)
    {
        RequireAdministrator(administratorId);
        var theirs = store.FindReviewsOf(personId);
        return theirs.Count == 0 ? null : PersonRecord.Of(theirs.GroupBy(r => r.PersonId).Single());
    }

    /// <summary>
    /// Everything held about the person: the minutes of each review, and as JSON every review whole,
    /// with every card (those kept out of the minutes, deleted or written quietly too), action, person
    /// in it (those removed and turned away too) and line of its trail.
    /// </summary>
    public async Task<(IReadOnlyList<BoardSnapshot> Minutes, string Json)> EverythingAboutAsync(string administratorId, string personId)
    {
        var person = Person(administratorId, personId) ?? throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        foreach (var review in person.Reviews)
        {
            await trail.RecordAsync(review.Id, administratorId, "everything-exported");
        }

        var everything = person.Reviews.Select(r => store.Find(r.Id)).OfType<ReviewState>().Select(state => new
        {
            state.Record,
            state.Participants,
            state.Cards,
            state.Actions,
            Trail = store.TrailOf(state.Record.Id),
        });
        var json = JsonSerializer.Serialize(new { Person = new { Id = personId, person.Name, person.Reference }, ExportedAt = clock.GetUtcNow(), Reviews = everything }, Json);
        return (await queries.MinutesOfAsync(personId), json);
    }

    /// <summary>Deletes the person and all their reviews, once the administrator has typed their name to say they mean it.</summary>
    public async Task DeleteAsync(string administratorId, string personId, string? typedName)
    {
        var person = Person(administratorId, personId) ?? throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        if (!string.Equals(typedName?.Trim(), person.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ReviewRuleException(ReviewError.PersonsNameNotTyped);
        }

        await reviews.DeleteAsync([.. person.Reviews.Select(r => r.Id)], administratorId, "person-deleted");
    }

    private void RequireAdministrator(string administratorId)
    {
        if (accounts.FindAccount(administratorId) is not { IsAdministrator: true, Removed: false })
        {
            throw new ReviewRuleException(ReviewError.AdministratorOnly);
        }
    }
}

/// <summary>A person, as the reviews about them name them: by their latest review's name and reference.</summary>
public sealed record PersonRecord(string Id, string Name, string? Reference, IReadOnlyList<ReviewSummary> Reviews)
{
    public static PersonRecord Of(IGrouping<string, ReviewSummary> reviews)
    {
        var ordered = reviews.OrderBy(r => r.Date).ToList();
        return new(reviews.Key, ordered[^1].PersonName, ordered[^1].PersonReference, ordered);
    }
}
