using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.UnitTests;

public sealed class ReviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReviewTemplate Template = new("review", "Review", "", [
        new SectionTemplate("like", SectionKind.Cards, "What we like about {person}", "What does {person} do well?", []),
        new SectionTemplate("working", SectionKind.Cards, "What is working", "", []),
    ]);

    private static Review NewReview() =>
        Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template, "Fran", "Facilitator", null, Now);

    [Fact]
    public void Create_WithNothingFilledIn_ReportsEveryProblemAtOnce()
    {
        var refusal = Assert.Throws<ReviewRuleException>(() => Review.Create(" ", null, null, null, "", "Facilitator", null, Now));

        Assert.Equal(
            [ReviewError.PersonNameMissing, ReviewError.TitleMissing, ReviewError.DateMissing, ReviewError.TemplateMissing, ReviewError.NameMissing],
            refusal.Errors);
    }

    [Fact]
    public void NamesAndText_LoseBidirectionalAndOtherControlCharacters_AndCardsKeepTheirLineBreaks()
    {
        var review = NewReview();
        var fran = review.Facilitator.Id;

        // U+202E turns what follows back to front on screen: "Ana Jones\u202Erotatilicaf" would read as "Ana Jones facilitator".
        var invitee = review.Invite(fran, "Ana Jones\u202Erotatilicaf", "sis\u0000ter\u2066", Role.Contributor, "hash-ana", Now);
        var card = review.AddCard(fran, new CardDraft("like", "Kind\u200F and\tbrave\r\nand funny\u0007"), "op-1", Now);
        var onlyControls = Assert.Throws<ReviewRuleException>(() => review.AddCard(fran, new CardDraft("like", "\u202E\u0000\u2069"), "op-2", Now));

        Assert.Equal(("Ana Jonesrotatilicaf", "sister"), (invitee.Name, invitee.Relationship));
        Assert.Equal("Kind and brave\nand funny", card.Text);
        Assert.Equal([ReviewError.CardEmpty], onlyControls.Errors);
    }

    [Fact]
    public void Create_WithOverlongText_IsRefused()
    {
        var refusal = Assert.Throws<ReviewRuleException>(() => Review.Create(
            new string('p', Limits.PersonNameLength + 1), new string('t', Limits.TitleLength + 1), new DateOnly(2026, 12, 1), Template,
            new string('n', Limits.NameLength + 1), "Facilitator", null, Now));

        Assert.Equal([ReviewError.PersonNameTooLong, ReviewError.TitleTooLong, ReviewError.NameTooLong], refusal.Errors);
    }

    [Fact]
    public void Create_PutsThePersonsNameIntoTheSections_AndTheCreatorInAsFacilitator()
    {
        var review = NewReview();

        Assert.Equal("What we like about Sam Jones", review.Sections[0].Heading);
        Assert.Equal("What does Sam Jones do well?", review.Sections[0].Prompt);
        Assert.Equal("Fran", review.Facilitator.Name);
        Assert.Equal(Role.Facilitator, review.Facilitator.Role);
        Assert.NotNull(review.Facilitator.JoinedAt);
        Assert.Equal(1, review.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData(null)]
    public void AddCard_WithNoText_IsRefused(string? text)
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddCard(review.Facilitator.Id, new CardDraft("like", text), "op", Now));

        Assert.Equal([ReviewError.CardEmpty], refusal.Errors);
        Assert.Empty(review.Cards);
        Assert.Equal(1, review.Version);
    }

    [Fact]
    public void AddCard_AtTheLengthLimit_IsAccepted_AndOneOverIsRefused()
    {
        var review = NewReview();

        var atLimit = review.AddCard(review.Facilitator.Id, new CardDraft("like", new string('a', Limits.CardLength)), "op-1", Now);
        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddCard(review.Facilitator.Id, new CardDraft("like", new string('a', Limits.CardLength + 1)), "op-2", Now));

        Assert.Equal(Limits.CardLength, atLimit.Text.Length);
        Assert.Equal([ReviewError.CardTooLong], refusal.Errors);
        Assert.Single(review.Cards);
    }

    [Fact]
    public void AddCard_KeepsTheWordsAsSaid_TrimmingOnlyTheEnds()
    {
        var review = NewReview();

        var card = review.AddCard(review.Facilitator.Id, new CardDraft("like", "  Swims on Saturdays\r\nand  Sundays  "), "op", Now);

        Assert.Equal("Swims on Saturdays\nand  Sundays", card.Text);
    }

    [Fact]
    public void AddCard_ToASectionThatIsNotThere_IsRefused()
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddCard(review.Facilitator.Id, new CardDraft("nowhere", "Hello"), "op", Now));

        Assert.Equal([ReviewError.SectionNotFound], refusal.Errors);
    }

    [Fact]
    public void AddCard_BySomeoneNotInTheReview_IsRefused()
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddCard("stranger", new CardDraft("like", "Hello"), "op", Now));

        Assert.Equal([ReviewError.NotAMember], refusal.Errors);
    }

    [Fact]
    public void AddCard_RetriedWithTheSameOperation_AddsTheCardOnce()
    {
        var review = NewReview();

        var first = review.AddCard(review.Facilitator.Id, new CardDraft("like", "Kind"), "op-1", Now);
        var retry = review.AddCard(review.Facilitator.Id, new CardDraft("like", "Kind"), "op-1", Now);

        Assert.Same(first, retry);
        Assert.Single(review.Cards);
        Assert.Equal(2, review.Version);
    }

    [Fact]
    public void Invite_BySomeoneOtherThanTheFacilitator_IsRefused()
    {
        var review = NewReview();
        var sister = review.Invite(review.Facilitator.Id, "Ana Jones", "sister", Role.Contributor, "hash-1", Now);

        var refusal = Assert.Throws<ReviewRuleException>(() => review.Invite(sister.Id, "Someone", "friend", Role.Contributor, "hash-2", Now));

        Assert.Equal([ReviewError.FacilitatorOnly], refusal.Errors);
        Assert.Equal(2, review.Participants.Count);
    }

    [Fact]
    public void Invite_WithoutANameOrRelationship_ReportsBoth()
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.Invite(review.Facilitator.Id, " ", "", Role.Contributor, "hash", Now));

        Assert.Equal([ReviewError.NameMissing, ReviewError.RelationshipMissing], refusal.Errors);
    }

    [Fact]
    public void Join_IsRecordedOnce()
    {
        var review = NewReview();
        var sister = review.Invite(review.Facilitator.Id, "Ana Jones", "sister", Role.Contributor, "hash-1", Now);

        var first = review.Join(sister.Id, Now);
        var versionAfterJoining = review.Version;
        var again = review.Join(sister.Id, Now.AddHours(1));

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(Now, sister.JoinedAt);
        Assert.Equal(versionAfterJoining, review.Version);
        Assert.Same(sister, review.FindInvitation("hash-1", Now));
    }
}
