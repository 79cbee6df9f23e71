using System.Globalization;
using ReviewRoom.Domain;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;
using ReviewRoom.Templates;

namespace ReviewRoom.UnitTests.Minutes;

/// <summary>The easy-read minutes, in English and in Welsh, against golden files beside this test.</summary>
public sealed class EasyReadWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en-GB", "person-centred-review.easy-read.en.golden.html")]
    [InlineData("cy-GB", "person-centred-review.easy-read.cy.golden.html")]
    public void EasyRead_ForAPersonCentredReview_MatchesTheGoldenFile(string culture, string golden)
    {
        var page = Write(Review(), culture);

        Assert.Equal(RepoFiles.Read("tests", "ReviewRoom.UnitTests", "Minutes", golden), page);
    }

    [Fact]
    public void EasyRead_HasNoTables_AndEveryRowHasItsPicture_AndHostileWordsStayWords()
    {
        var page = Write(Review("<script>alert(1)</script> <img src=x onerror=alert(1)>"), "en-GB");

        Assert.DoesNotContain("<table", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Equal(CountOf("class=\"easy-read__row\"", page), CountOf("class=\"easy-read__picture\" src=\"/lib/openmoji/", page));
    }

    [Fact]
    public void EveryPicture_IsCopiedByTheBuild_AndNothingElse()
    {
        var copied = Directory.EnumerateFiles(RepoFiles.PathTo("wwwroot", "lib", "openmoji")).Select(Path.GetFileName);

        Assert.Equal(EasyReadPictures.All.Select(code => $"{code}.svg").Append("LICENSE.txt").Order(StringComparer.Ordinal), copied.Order(StringComparer.Ordinal));
    }

    private static string Write(Review review, string culture)
    {
        var text = culture == "cy-GB" ? TestText.Welsh() : TestText.English();
        var due = new DueDates(new FixedClock(Now), text);
        return new EasyReadWriter(text).Write(BoardSnapshot.Of(review, null, due.InWords), code => $"/lib/openmoji/{code}.svg");
    }

    private static Review Review(string? anotherCard = null)
    {
        var template = TemplateParser.WithWelsh(
            TemplateParser.Parse("person-centred-review", "person-centred-review.md", RepoFiles.Read("templates", "person-centred-review.md")),
            "person-centred-review.cy.md", RepoFiles.Read("templates", "person-centred-review.cy.md"));
        var review = Domain.Review.Create("Sam Jones", "Review, December 2026", new DateOnly(2026, 12, 1), template, "Fran Facilitator", "Facilitator", null, Now);
        var fran = review.Facilitator.Id;
        var ana = review.Invite(fran, "Ana Jones", "sister", Role.Contributor, "hash-ana", Now).Id;
        review.Join(ana, Now);
        review.AddCard(ana, new CardDraft("like-and-admire", "Always makes us laugh"), "op-1", Now);
        review.AddCard(fran, new CardDraft("important-to-now", "Seeing Grandma on Sundays", SaidBy: "Sam Jones"), "op-2", Now);
        review.AddCard(ana, new CardDraft("working-not-working", "Loves the day centre", "Family", true), "op-3", Now);
        review.AddCard(fran, new CardDraft("working-not-working", "Evenings are too quiet", "Staff", false), "op-4", Now);
        review.AddCard(ana, new CardDraft("questions", "Can Sam get a bus pass?", FindOutBy: "Ana Jones"), "op-5", Now);
        var kept = review.AddCard(ana, new CardDraft("like-and-admire", "A private matter"), "op-6", Now);
        review.AddAction(fran, new ActionDraft("actions", "Ask the leisure centre about swimming lessons", "Ana Jones", new DateOnly(2027, 1, 15)), "op-7", Now);
        var done = review.AddAction(fran, new ActionDraft("actions", "Send the minutes to the GP", "Fran Facilitator", new DateOnly(2026, 11, 28)), "op-8", Now);
        review.SetActionStatus(fran, done.Id, ActionStatus.Done);
        if (anotherCard is not null)
        {
            review.AddCard(fran, new CardDraft("like-and-admire", anotherCard), "op-another", Now);
        }

        review.SetDetails(fran, "Oak House, Bridge Street", new DateOnly(2027, 6, 1));
        review.AddApology(fran, "Dr Amina Shah", "GP", "Sam's new medication is working well.");
        var sam = review.Invite(fran, "Sam Jones", "whose review it is", Role.Person, "hash-sam", Now).Id;
        review.Join(sam, Now);
        review.SetKeptOutOfMinutes(sam, kept.Id, true);
        review.Close(fran, Now);
        review.SignOffMinutes(sam, agrees: true, null, Now.AddDays(2));
        return review;
    }

    private static int CountOf(string part, string text) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
