using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.UnitTests;

public sealed class MeetingTimerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReviewTemplate Template = new("review", "Review", "", [new SectionTemplate("like", SectionKind.Cards, "What we like", "", [])]);

    [Fact]
    public void ATimer_CountsDown_PausesWhereItWas_CarriesOnFromThere_AndTakesAMinuteMore()
    {
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template, "Fran", "Facilitator", null, Now);
        var fran = review.Facilitator.Id;

        review.SetTimer(fran, TimerCommand.Start, 5, Now);
        var afterTwoMinutes = review.Timer!.SecondsLeftAt(Now.AddMinutes(2));
        review.SetTimer(fran, TimerCommand.Pause, null, Now.AddMinutes(2));
        var whilePaused = review.Timer!.SecondsLeftAt(Now.AddMinutes(10));
        review.SetTimer(fran, TimerCommand.CarryOn, null, Now.AddMinutes(10));
        review.SetTimer(fran, TimerCommand.AddMinute, null, Now.AddMinutes(10));
        var carriedOn = review.Timer!.SecondsLeftAt(Now.AddMinutes(11));
        var longAfter = review.Timer!.SecondsLeftAt(Now.AddHours(1));
        review.SetTimer(fran, TimerCommand.Stop, null, Now.AddHours(1));

        Assert.Equal((180, 180, 180, 0), (afterTwoMinutes, whilePaused, carriedOn, longAfter));
        Assert.Null(review.Timer);
    }

    [Fact]
    public void ATimerThatRanOut_GivenAMinuteMore_RunsForAMinuteFromNow()
    {
        var timer = MeetingTimer.For(1, Now).AMinuteMore(Now.AddMinutes(5));

        Assert.Equal(60, timer.SecondsLeftAt(Now.AddMinutes(5)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(181)]
    public void ATimer_IsForOneMinuteToThreeHours(int? minutes)
    {
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template, "Fran", "Facilitator", null, Now);

        var refusal = Assert.Throws<ReviewRuleException>(() => review.SetTimer(review.Facilitator.Id, TimerCommand.Start, minutes, Now));

        Assert.Equal([ReviewError.TimerMinutes], refusal.Errors);
        Assert.Null(review.Timer);
    }

    [Fact]
    public void OnlyAFacilitator_SetsTheTimer()
    {
        var review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template, "Fran", "Facilitator", null, Now);
        var ana = review.Invite(review.Facilitator.Id, "Ana Jones", "sister", Role.Contributor, "hash-ana", Now);

        Assert.Throws<ReviewRuleException>(() => review.SetTimer(ana.Id, TimerCommand.Start, 5, Now));
    }
}
