using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Reviews;

namespace ReviewRoom.UnitTests;

public sealed class ActionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Review NewReview() => Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1),
        new ReviewTemplate("r", "R", "", [new SectionTemplate("actions", SectionKind.Actions, "Actions", "", []), new SectionTemplate("like", SectionKind.Cards, "Like", "", [])]),
        "Fran", "Facilitator", null, Now);

    [Fact]
    public void Action_WithoutOwnerOrDate_IsRefusedSayingWhatIsMissing()
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddAction(review.Facilitator.Id, new ActionDraft("actions", "Book swimming", " ", null), "op", Now));

        Assert.Equal([ReviewError.ActionOwnerMissing, ReviewError.ActionDueMissing], refusal.Errors);
        Assert.Empty(review.Actions);
    }

    [Fact]
    public void Action_InAPastDate_IsAllowed_AndSaysItIsOverdue()
    {
        var review = NewReview();

        var action = review.AddAction(review.Facilitator.Id, new ActionDraft("actions", "Book swimming", "Ana Jones", new DateOnly(2026, 11, 29)), "op", Now);

        Assert.Equal("overdue by 2 days", Due(action.Due));
    }

    [Fact]
    public void Action_OutsideAnActionsSection_IsRefused()
    {
        var review = NewReview();

        var refusal = Assert.Throws<ReviewRuleException>(() => review.AddAction(review.Facilitator.Id, new ActionDraft("like", "Book", "Ana", new DateOnly(2027, 1, 1)), "op", Now));

        Assert.Equal([ReviewError.SectionTakesNoActions], refusal.Errors);
    }

    [Fact]
    public void Actions_AreListedByDate()
    {
        var review = NewReview();
        var fran = review.Facilitator.Id;
        review.AddAction(fran, new ActionDraft("actions", "Later", "Ana", new DateOnly(2027, 3, 1)), "op-1", Now);
        review.AddAction(fran, new ActionDraft("actions", "Sooner", "Raj", new DateOnly(2027, 1, 1)), "op-2", Now);

        Assert.Equal(["Sooner", "Later"], review.ActionsIn("actions").Select(a => a.What));
    }

    [Theory]
    [InlineData(2026, 12, 1, "due today")]
    [InlineData(2026, 12, 2, "due in 1 day")]
    [InlineData(2026, 12, 22, "due in 3 weeks")]
    [InlineData(2027, 3, 1, "due in 2 months")]
    [InlineData(2026, 11, 29, "overdue by 2 days")]
    [InlineData(2026, 10, 1, "overdue by 2 months")]
    public void DueDate_InWords_AgainstAFixedClock(int year, int month, int day, string words) =>
        Assert.Equal(words, Due(new DateOnly(year, month, day)));

    private static string Due(DateOnly date) => new DueDates(new FixedClock(Now), TestText.English()).InWords(date);
}
