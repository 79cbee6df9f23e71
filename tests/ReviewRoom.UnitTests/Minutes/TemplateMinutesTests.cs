using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;
using ReviewRoom.Sections;
using ReviewRoom.Templates;

namespace ReviewRoom.UnitTests.Minutes;

/// <summary>Minutes that follow the shipped templates, against golden files beside this test.</summary>
public sealed class TemplateMinutesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PersonCentredReview_WithGridActionsAndQuestions_MatchesTheGoldenFile()
    {
        var (review, fran, ana, raj) = Meeting("person-centred-review.md");
        review.AddCard(ana, new CardDraft("like-and-admire", "Always makes us laugh"), "op-1", Now);
        review.AddCard(fran, new CardDraft("important-to-now", "Seeing Grandma on Sundays", SaidBy: "Sam Jones"), "op-2", Now);
        review.AddCard(ana, new CardDraft("working-not-working", "Loves the day centre", "Family", true), "op-3", Now);
        review.AddCard(raj, new CardDraft("working-not-working", "Evenings are too quiet", "Staff", false), "op-4", Now);
        review.AddCard(fran, new CardDraft("working-not-working", "Wants more time outdoors", "Sam Jones", false, SaidBy: "Sam Jones"), "op-5", Now);
        review.AddCard(raj, new CardDraft("questions", "Can Sam get a bus pass?", FindOutBy: "Raj Patel"), "op-6", Now);
        review.AddCard(ana, new CardDraft("questions", "Is the budget still right?"), "op-7", Now);
        review.AddAction(fran, new ActionDraft("actions", "Ask the leisure centre about swimming lessons", "Ana Jones", new DateOnly(2027, 1, 15)), "op-8", Now);
        var late = review.AddAction(fran, new ActionDraft("actions", "Send the minutes to the GP", "Fran Facilitator", new DateOnly(2026, 11, 28)), "op-9", Now);
        review.SetActionStatus(fran, late.Id, ActionStatus.Done);
        var removed = review.AddCard(ana, new CardDraft("like-and-admire", "A slip"), "op-10", Now);
        review.DeleteCard(ana, removed.Id);
        review.SetDetails(fran, "Oak House, Bridge Street", new DateOnly(2027, 6, 1));
        review.AddApology(fran, "Dr Amina Shah", "GP", "Sam's new medication is working well.\nI would like to hear how sleep is going.");
        review.AddApology(fran, "Uncle Dev", "uncle", null);
        var sam = review.Invite(fran, "Sam Jones", "whose review it is", Role.Person, "hash-sam", Now).Id;
        review.Join(sam, Now);
        review.Close(fran, Now);
        review.SignOffMinutes(sam, agrees: false, "The bit about evenings is not right.\nI like quiet evenings.", Now.AddDays(2));

        AssertMatchesGolden(review, "person-centred-review-full.golden.md");
    }

    [Fact]
    public void Path_MatchesTheGoldenFile()
    {
        var (review, fran, ana, raj) = Meeting("path.md");
        review.AddCard(ana, new CardDraft("north-star", "A home by the sea, with friends nearby", SaidBy: "Sam Jones"), "op-1", Now);
        review.AddCard(fran, new CardDraft("goal", "Sam has moved into a flat with one other person and has a part-time job"), "op-2", Now);
        review.AddCard(raj, new CardDraft("now", "Lives with mum; volunteers one morning a week"), "op-3", Now);
        review.AddCard(ana, new CardDraft("enrol", "Uncle Dev, who knows the housing association"), "op-4", Now);
        review.AddCard(raj, new CardDraft("getting-stronger", "Travel training on the 42 bus"), "op-5", Now);
        review.AddCard(fran, new CardDraft("next-months", "Visit three flats"), "op-6", Now);
        review.AddAction(fran, new ActionDraft("first-steps", "Phone the housing association", "Ana Jones", new DateOnly(2026, 12, 8)), "op-7", Now);

        AssertMatchesGolden(review, "path.golden.md");
    }

    [Fact]
    public void RelationshipCircle_EachRingFromTheMiddleOutwards_MatchesTheGoldenFile()
    {
        var (review, fran, ana, raj) = Meeting("relationship-circle.md");
        review.AddCard(raj, new CardDraft("circle", "Raj, who helps on Tuesdays", "Paid support"), "op-1", Now);
        review.AddCard(ana, new CardDraft("circle", "Ana, his sister", "Family"), "op-2", Now);
        review.AddCard(ana, new CardDraft("circle", "Mum", "Family", SaidBy: "Sam Jones"), "op-3", Now);
        review.AddCard(fran, new CardDraft("circle", "The *swimming* club", "Community"), "op-4", Now);
        review.AddCard(fran, new CardDraft("know-better", "The neighbours at number 12"), "op-5", Now);

        Assert.Throws<ReviewRuleException>(() => review.AddCard(ana, new CardDraft("circle", "Nowhere", "Neighbours"), "op-6", Now));
        AssertMatchesGolden(review, "relationship-circle.golden.md");
    }

    [Fact]
    public void CommunicationChart_EachCardARowWithAnAnswerUnderEachColumn_MatchesTheGoldenFile()
    {
        var (review, fran, ana, raj) = Meeting("communication-chart.md");
        review.AddCard(ana, new CardDraft("chart", "Sam is kept waiting", Answers: ["Sam rocks and hums", "Sam is worried it will not happen", "Tell Sam how long, and show it on the clock"]), "op-1", Now);
        review.AddCard(raj, new CardDraft("chart", "A loud room", Answers: ["Sam puts his hands over his ears", "", "Find a quieter place\nand ask if he wants to go"]), "op-2", Now);
        var edited = review.AddCard(fran, new CardDraft("chart", "Music comes on", Answers: ["Sam smiles", "", ""]), "op-3", Now);
        review.EditCard(fran, edited.Id, new CardDraft("chart", "Music comes on", Answers: ["Sam smiles and *claps*", "Sam is happy", "Join in"]));
        review.AddCard(ana, new CardDraft("find-out", "Does Sam like the radio on at night?", FindOutBy: "Raj Patel"), "op-4", Now);

        Assert.Equal(ReviewError.AnswersNotTaken, Assert.Throws<ReviewRuleException>(() =>
            review.AddCard(ana, new CardDraft("chart", "Too many", Answers: ["1", "2", "3", "4"]), "op-5", Now)).Errors.Single());
        Assert.Equal(ReviewError.AnswersNotTaken, Assert.Throws<ReviewRuleException>(() =>
            review.AddCard(ana, new CardDraft("find-out", "Answers where none go", Answers: ["an answer"]), "op-6", Now)).Errors.Single());
        Assert.Equal(ReviewError.CardTooLong, Assert.Throws<ReviewRuleException>(() =>
            review.AddCard(ana, new CardDraft("chart", "Long", Answers: [new string('a', Limits.CardLength + 1)]), "op-7", Now)).Errors.Single());
        Assert.Equal("Music comes on\nSam smiles and *claps*\nSam is happy\nJoin in", review.Cards.Single(c => c.Id == edited.Id).AllWords);
        AssertMatchesGolden(review, "communication-chart.golden.md");
    }

    [Fact]
    public void Maps_EachPartInTheTemplatesOrder_MatchesTheGoldenFile()
    {
        var (review, fran, ana, raj) = Meeting("maps.md");
        review.AddCard(ana, new CardDraft("story", "Born in Swansea, 1998"), "op-1", Now);
        review.AddCard(ana, new CardDraft("story", "Moved to Oak House in 2020"), "op-2", Now);
        review.AddCard(fran, new CardDraft("dreams", "A flat by the sea", SaidBy: "Sam Jones"), "op-3", Now);
        review.AddCard(raj, new CardDraft("nightmares", "Being alone <at night>"), "op-4", Now);
        review.AddCard(ana, new CardDraft("who", "Funny, kind, stubborn"), "op-5", Now);
        review.AddCard(raj, new CardDraft("gifts", "Remembers everyone's birthday"), "op-6", Now);
        review.AddCard(fran, new CardDraft("needs", "Someone to call at night"), "op-7", Now);
        review.AddAction(fran, new ActionDraft("actions", "Visit two flats near the sea", "Ana Jones", new DateOnly(2027, 2, 1)), "op-8", Now);

        Assert.All(review.Sections.Where(s => s.Id != "actions"), s => Assert.Equal(SectionKind.Maps, s.Kind));
        AssertMatchesGolden(review, "maps.golden.md");
    }

    [Fact]
    public void FollowUpReview_OpensWithLastTimesUnfinishedActions_MatchesTheGoldenFile()
    {
        var (last, fran, _, _) = Meeting("person-centred-review.md");
        last.AddAction(fran, new ActionDraft("actions", "Find a swimming club", "Ana Jones", new DateOnly(2027, 1, 15)), "op-1", Now);
        last.AddAction(fran, new ActionDraft("actions", "Apply for a bus pass", "Raj Patel", new DateOnly(2027, 2, 1)), "op-2", Now);
        var done = last.AddAction(fran, new ActionDraft("actions", "Send the minutes to the GP", "Fran Facilitator", new DateOnly(2026, 12, 8)), "op-3", Now);
        var dropped = last.AddAction(fran, new ActionDraft("actions", "Look at day centres", "Fran Facilitator", new DateOnly(2026, 12, 20)), "op-4", Now);
        last.SetActionStatus(fran, done.Id, ActionStatus.Done);
        last.SetActionStatus(fran, dropped.Id, ActionStatus.Dropped);
        var unfinished = last.Actions.Where(a => a.Status is not (ActionStatus.Done or ActionStatus.Dropped)).ToList();

        var template = TemplateParser.Parse("person-centred-review", "person-centred-review.md", RepoFiles.Read("templates", "person-centred-review.md"));
        var next = Review.Create("Sam Jones", "Review, June 2027", new DateOnly(2027, 6, 1), template, "Fran Facilitator", "Facilitator", null, Now, last.PersonId);
        var lead = next.Facilitator.Id;
        next.CarryOver(lead, "Actions from last time", "For each one: was it done, partly done, not done, or dropped? Say how it went.", unfinished, Now);
        var swimming = next.Actions.Single(a => a.What == "Find a swimming club");
        next.SetActionStatus(lead, swimming.Id, ActionStatus.PartlyDone);
        next.SetActionNote(lead, swimming.Id, "Tried two clubs; one has a quiet session on Tuesdays.");

        Assert.Equal(last.PersonId, next.PersonId);
        Assert.Equal(Review.LastTimeSectionId, next.Sections[0].Id);
        AssertMatchesGolden(next, "follow-up-review.golden.md");
    }

    private static (Review Review, string Fran, string Ana, string Raj) Meeting(string templateFile)
    {
        var template = TemplateParser.Parse(Path.GetFileNameWithoutExtension(templateFile), templateFile,
            RepoFiles.Read("templates", templateFile));
        var review = Review.Create("Sam Jones", "Review, December 2026", new DateOnly(2026, 12, 1), template, "Fran Facilitator", "Facilitator", null, Now);
        var fran = review.Facilitator.Id;
        var ana = review.Invite(fran, "Ana Jones", "sister", Role.Contributor, "hash-ana", Now).Id;
        var raj = review.Invite(fran, "Raj Patel", "support worker", Role.Contributor, "hash-raj", Now).Id;
        review.Join(ana, Now);
        review.Join(raj, Now);
        return (review, fran, ana, raj);
    }

    private static void AssertMatchesGolden(Review review, string golden)
    {
        var text = TestText.English();
        var due = new DueDates(new FixedClock(Now), text);
        var minutes = new MinutesWriter(text).Write(BoardSnapshot.Of(review, null, due.InWords));

        Assert.Equal(RepoFiles.Read("tests", "ReviewRoom.UnitTests", "Minutes", golden), minutes);
    }
}
