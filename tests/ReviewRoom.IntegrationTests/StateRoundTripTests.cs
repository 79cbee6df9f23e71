using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// A review that uses every feature comes back whole: from the database file after a restart, and
/// after leaving memory. A field the store does not keep fails this test.
/// </summary>
public sealed class StateRoundTripTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private static readonly ReviewTemplate EveryKind = new("every-kind", "Every kind", "", [
        new("like", SectionKind.Cards, "What we like about {person}", "What does {person} do well?", []),
        new("grid", SectionKind.Grid, "Working and not working", "From each perspective", ["The person", "Family", "Staff"]),
        new("questions", SectionKind.Questions, "Questions", "What do we not know?", []),
        new("north-star", SectionKind.Path, "North Star", "The dream", []),
        new("choice", SectionKind.Choice, "How we communicate", "Pick one", ["Getting started", "Good", "Excellent"]),
        new("actions", SectionKind.Actions, "Actions", "Who does what by when", []),
        new("circle", SectionKind.Rings, "Relationship circle", "Who is where", ["Family", "Friends"]),
        new("story", SectionKind.Maps, "Sam's story", "What has happened so far?", []),
        new("chart", SectionKind.Chart, "Communication chart", "One row to a card", ["When this happens", "{person} does this", "We think it means", "And we should"]),
    ]);

    private static readonly JsonSerializerOptions Whole = new() { WriteIndented = true };

    private readonly DataFolder _data = new();

    [Theory]
    [InlineData(StoreEngine.LiteDb)]
    [InlineData(StoreEngine.PostgreSql)]
    public async Task AReviewUsingEveryFeature_IsTheSame_AfterARestart_AndAfterLeavingMemory(StoreEngine engine)
    {
        var settings = await postgres.SettingsFor(engine);
        string reviewId;
        string before;
        await using (var app = new ReviewRoomFactory(_data, settings: settings))
        {
            Assert.IsType(engine == StoreEngine.PostgreSql ? typeof(Storage.PostgreSqlStore) : typeof(Storage.LiteDbStore), app.Services.GetRequiredService<IReviewStore>());
            reviewId = await BuildEverythingAsync(app);
            before = await StateOfAsync(app, reviewId);
        }

        await using var restarted = new ReviewRoomFactory(_data, settings: settings);
        var afterRestart = await StateOfAsync(restarted, reviewId);
        var open = restarted.Services.GetRequiredService<OpenReviews>();
        restarted.Clock.Now += TimeSpan.FromHours(1);
        var left = open.LeaveIdle();
        var afterLeaving = await StateOfAsync(restarted, reviewId);

        Assert.Equal(before, afterRestart);
        Assert.Equal(1, left);
        Assert.Equal(before, afterLeaving);
        Assert.Equal(1, open.Count);
    }

    public void Dispose() => _data.Dispose();

    private static async Task<string> BuildEverythingAsync(ReviewRoomFactory app)
    {
        var open = app.Services.GetRequiredService<OpenReviews>();
        var now = app.Clock.Now;
        Assert.Equal(SectionKind.All.Select(k => k.Name).Order(StringComparer.Ordinal), EveryKind.Sections.Select(s => s.Kind.Name).Distinct().Order(StringComparer.Ordinal));
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), EveryKind, "Fran Facilitator", "facilitator", "account-fran", now, personReference: "CASE-42");
        var fran = review.Facilitator.Id;
        await open.AddAsync(review, new Activity(review.Id, fran, "review-created", now));
        Task<T> Do<T>(Func<Review, T> change) => open.ChangeAsync(review.Id, fran, change, "round-trip");

        var sam = await Do(r => r.Invite(fran, "Sam Jones", "the person", Role.Person, "hash-sam", now));
        var ana = await Do(r => r.Invite(fran, "Ana Jones", "sister", Role.Contributor, "hash-ana", now));
        var raj = await Do(r => r.Invite(fran, "Raj Patel", "support worker", Role.Contributor, "hash-raj", now));
        await Do(r => r.AddCoFacilitator(fran, "account-kim", "Kim Lee", "co-facilitator", now));
        await Do(r => r.AddScreen(fran, "hash-screen", now));
        await Do(r => r.Join(sam.Id, now));
        await Do(r => r.Join(ana.Id, now));
        var waiting = await Do(r => r.AskToJoin("Bo Lane", "neighbour", now));
        var turnedAway = await Do(r => r.AskToJoin("Stranger", "unknown", now));
        await Do(r => r.Admit(fran, turnedAway.Id, letIn: false, now));
        await Do(r => r.Remove(fran, raj.Id));
        await Do(r => Done(() => r.SetJoinCode(fran, "123456", now.AddHours(8), 42)));

        var liked = await Do(r => r.AddCard(sam.Id, new CardDraft("like", "Makes everyone laugh", SaidBy: "Sam, typed by Ana"), "op-1", now));
        await Do(r => r.EditCard(sam.Id, liked.Id, new CardDraft("like", "Makes everyone laugh a lot")));
        await Do(r => r.AddCard(ana.Id, new CardDraft("grid", "Day centre", "Family", Working: true), "op-2", now));
        await Do(r => r.AddCard(ana.Id, new CardDraft("grid", "Transport", "Staff", Working: false), "op-3", now));
        await Do(r => r.AddCard(ana.Id, new CardDraft("questions", "Can Sam travel alone?", FindOutBy: "Raj"), "op-4", now));
        await Do(r => r.AddCard(ana.Id, new CardDraft("circle", "Jo from college", "Friends"), "op-9", now));
        await Do(r => r.AddCard(ana.Id, new CardDraft("story", "Moved to Oak House"), "op-11", now));
        await Do(r => r.AddCard(ana.Id, new CardDraft("chart", "Kept waiting", Answers: ["Rocks and hums", "", "Say how long"]), "op-10", now));
        var moving = await Do(r => r.AddCard(ana.Id, new CardDraft("like", "A flat of my own"), "op-5", now));
        await Do(r => r.MoveCard(ana.Id, moving.Id, "north-star", null, null));
        var deleted = await Do(r => r.AddCard(ana.Id, new CardDraft("like", "A slip"), "op-6", now));
        await Do(r => r.DeleteCard(ana.Id, deleted.Id));
        await Do(r => r.SetKeptOutOfMinutes(sam.Id, liked.Id, keptOut: true));
        await Do(r => Done(() => r.SetQuietWriting(fran, "questions", quiet: true)));
        await Do(r => r.AddCard(ana.Id, new CardDraft("questions", "Quietly: who pays?"), "op-7", now));
        await Do(r => Done(() => r.SetLocked(fran, "grid", locked: true)));
        await Do(r => Done(() => r.SetNowDiscussing(fran, "grid")));
        await Do(r => Done(() => r.SetTimer(fran, TimerCommand.Start, 10, now)));
        await Do(r => Done(() => r.SetTimer(fran, TimerCommand.AddMinute, null, now.AddMinutes(3))));
        await Do(r => r.Choose(fran, "choice", 1, "Everyone but Raj"));

        var action = await Do(r => r.AddAction(ana.Id, new ActionDraft("actions", "Ring the college", "Ana Jones", new DateOnly(2027, 1, 5)), "op-8", now));
        await Do(r => r.SetActionStatus(ana.Id, action.Id, ActionStatus.PartlyDone));
        await Do(r => r.SetActionNote(ana.Id, action.Id, "Rang once, no answer"));
        await Do(r => Done(() => r.CarryOver(fran, "Actions from last time", "How did they go?", [action], now)));
        var carried = await open.ReadAsync(review.Id, r => r.Actions.Single(a => a.CarriedOver));
        await Do(r => r.SetActionStatus(fran, carried!.Id, ActionStatus.Done));

        await Do(r => Done(() => r.SetDetails(fran, "Oak House", new DateOnly(2027, 6, 1))));
        await Do(r => r.AddApology(fran, "Dr Amina Shah", "GP", "The new medication is working well."));
        var slip = await Do(r => r.AddApology(fran, "Wrong person", "nobody", null));
        await Do(r => Done(() => r.RemoveApology(fran, slip.Id)));
        await Do(r => Done(() => r.ShareMinutes(fran, [ana.Id])));
        await Do(r => Done(() => r.Close(fran, now)));
        await Do(r => r.AddressMinutes(sam.Id, [new MinutesAddress(sam.Id, "sam@example.org", Language.Welsh), new MinutesAddress(ana.Id, "ana@example.org", Language.English)]));
        await Do(r => r.SignOffMinutes(sam.Id, agrees: false, "My words were changed", now));

        Assert.NotNull(waiting);
        return review.Id;
    }

    private static async Task<string> StateOfAsync(ReviewRoomFactory app, string reviewId) =>
        (await app.Services.GetRequiredService<OpenReviews>().ReadAsync(reviewId, r => JsonSerializer.Serialize(r.Export(), Whole)))!;

    private static bool Done(Action change)
    {
        change();
        return true;
    }
}
