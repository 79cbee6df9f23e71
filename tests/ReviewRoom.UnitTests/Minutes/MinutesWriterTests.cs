using System.Text.RegularExpressions;
using Markdig;
using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Minutes;
using ReviewRoom.Reviews;

namespace ReviewRoom.UnitTests.Minutes;

public sealed partial class MinutesWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] HostileCards =
    [
        "<script>alert(1)</script>",
        "# heading",
        "[x](javascript:alert(1))",
        "1. not a list",
        "- not a list either",
        "**not bold** and _not emphasised_ | not | a table |",
        "<https://example.com> and &lt; and ![image](https://example.com/x.png)",
    ];

    [Fact]
    public void Minutes_ForAPersonCentredReview_MatchTheGoldenFile()
    {
        var minutes = new MinutesWriter(TestText.English()).Write(SamsReview());

        var golden = RepoFiles.Read("tests", "ReviewRoom.UnitTests", "Minutes", "person-centred-review.golden.md");
        Assert.Equal(golden, minutes);
    }

    [Fact]
    public void Minutes_ListOnlyThoseWhoJoined()
    {
        var minutes = new MinutesWriter(TestText.English()).Write(SamsReview());

        Assert.Contains("## Who is here\n\n- Fran Facilitator (Facilitator)\n- Ana Jones (sister)\n\n", minutes, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr Patel", minutes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Minutes_RenderedByAMarkdownReader_ShowHostileTextAsPlainWords(bool advancedExtensions)
    {
        var review = SamsReview();
        var minutes = new MinutesWriter(TestText.English()).Write(review);
        var pipeline = advancedExtensions ? new MarkdownPipelineBuilder().UseAdvancedExtensions().Build() : new MarkdownPipelineBuilder().Build();

        var html = Markdown.ToHtml(minutes, pipeline);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Readers with autolinks turn a bare web address someone typed into a link; nothing else becomes one.
        Assert.Equal(advancedExtensions ? ["https://example.com/x.png"] : [], Link().Matches(html).Select(m => m.Groups["url"].Value));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>not", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal);
        Assert.Equal(["Annual review"], Heading1().Matches(html).Select(m => m.Groups["text"].Value));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<li># heading", html, StringComparison.Ordinal);
        Assert.Contains("<li>[x](javascript:alert(1))", html, StringComparison.Ordinal);
        Assert.Contains("<li>1. not a list", html, StringComparison.Ordinal);
        Assert.Contains("<li>- not a list either", html, StringComparison.Ordinal);
        Assert.Contains("&amp;lt;", html, StringComparison.Ordinal);
        var items = review.Sections.Sum(s => s.Cards.Count) + review.Participants.Count(p => p.HasJoined);
        Assert.Equal(items, ListItem().Count(html));
    }

    [Theory]
    [InlineData("Sam Jones", "2026-12-01-sam-jones-review.md")]
    [InlineData("Zoë O'Brien-Smith", "2026-12-01-zoe-o-brien-smith-review.md")]
    [InlineData("  ../../etc/passwd  ", "2026-12-01-etc-passwd-review.md")]
    [InlineData("李雷", "2026-12-01-person-review.md")]
    public void FileName_IsTheDateAndThePersonsName(string personName, string expected)
    {
        var review = Review.Create(personName, "Review", new DateOnly(2026, 12, 1), Template(), "Fran", "Facilitator", null, Now);

        Assert.Equal(expected, new MinutesWriter(TestText.English()).FileName(BoardSnapshot.Of(review, null, Due), [Language.English]));
    }

    private static string Due(DateOnly date) => new DueDates(new FixedClock(Now), TestText.English()).InWords(date);

    [Fact]
    public void HeaderApologiesAndSignOff_RenderedOnTheMinutesPage_ShowHostileTextAsPlainWords()
    {
        const string Hostile = "<script>alert(1)</script> [x](javascript:alert(1)) # heading";
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template(), "Fran Facilitator", "Facilitator", null, Now);
        var fran = review.Facilitator.Id;
        var sam = review.Invite(fran, "Sam Jones", "whose review it is", Role.Person, "hash-sam", Now).Id;
        review.SetDetails(fran, Hostile, null);
        review.AddApology(fran, Hostile, "GP", $"{Hostile}\n- not a list");
        review.Close(fran, Now);
        review.SignOffMinutes(sam, agrees: false, $"{Hostile}\n> not a quote in a quote", Now);

        var html = new MinutesRenderer().ToHtml(new MinutesWriter(TestText.English()).Write(BoardSnapshot.Of(review, null, Due)));

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Empty(Link().Matches(html));
        Assert.Equal(["Annual review"], Heading1().Matches(html).Select(m => m.Groups["text"].Value));
        Assert.Equal(5, Regex.Count(html, Regex.Escape("&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) # heading")));
        Assert.Contains("<p>- not a list</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>&gt; not a quote in a quote</p>", html, StringComparison.Ordinal);
    }

    private static ReviewTemplate Template() => new("review", "Review", "", [
        new SectionTemplate("like-and-admire", SectionKind.Cards, "What we like and admire about {person}", "", []),
        new SectionTemplate("important-to-now", SectionKind.Cards, "What is important to {person} now", "", []),
        new SectionTemplate("working", SectionKind.Cards, "What is working", "", []),
        new SectionTemplate("actions", SectionKind.Cards, "Actions", "", []),
    ]);

    internal static BoardSnapshot SamsReview()
    {
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template(), "Fran Facilitator", "Facilitator", null, Now);
        var fran = review.Facilitator.Id;
        var ana = review.Invite(fran, "Ana Jones", "sister", Role.Contributor, "hash-ana", Now).Id;
        review.Invite(fran, "Dr Patel", "GP", Role.Contributor, "hash-gp", Now);
        review.Join(ana, Now);

        review.AddCard(ana, new CardDraft("like-and-admire", "Loves swimming on Saturdays."), "op-1", Now);
        review.AddCard(fran, new CardDraft("like-and-admire", "Sam's laugh fills the room.\nEveryone says so."), "op-2", Now);
        for (var i = 0; i < HostileCards.Length; i++)
        {
            review.AddCard(ana, new CardDraft("important-to-now", HostileCards[i]), $"op-h{i}", Now);
        }

        review.AddCard(fran, new CardDraft("working", "The new day centre, 3 days a week"), "op-3", Now);
        return BoardSnapshot.Of(review, null, Due);
    }

    [GeneratedRegex("<h1\\b[^>]*>(?<text>.*?)</h1>")]
    private static partial Regex Heading1();

    [GeneratedRegex("href=\"(?<url>[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<li[ >]")]
    private static partial Regex ListItem();
}
