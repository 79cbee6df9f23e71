using System.Globalization;
using Humanizer;
using ReviewRoom.Reviews;

namespace ReviewRoom.UnitTests;

/// <summary>Humanizer's phrases in Welsh, from the formatter the server registers, with the mutation each number causes.</summary>
public sealed class WelshPhrasesTests
{
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy-GB");

    [Theory]
    [InlineData(0, "i'w wneud heddiw")]
    [InlineData(1, "i'w wneud ymhen 1 diwrnod")]
    [InlineData(2, "i'w wneud ymhen 2 ddiwrnod")]
    [InlineData(3, "i'w wneud ymhen 3 diwrnod")]
    [InlineData(5, "i'w wneud ymhen 5 niwrnod")]
    [InlineData(14, "i'w wneud ymhen 2 wythnos")]
    [InlineData(21, "i'w wneud ymhen 3 wythnos")]
    [InlineData(62, "i'w wneud ymhen 2 fis")]
    [InlineData(-1, "1 diwrnod yn hwyr")]
    [InlineData(-2, "2 ddiwrnod yn hwyr")]
    [InlineData(-8, "1 wythnos yn hwyr")]
    public void AnActionsDate_InWelsh_AgainstAFixedClock(int days, string words)
    {
        var dueDates = new DueDates(new FixedClock(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)), TestText.Welsh());

        Assert.Equal(words, dueDates.InWords(new DateOnly(2026, 12, 1).AddDays(days)));
    }

    [Theory]
    [InlineData(367, "1 flwyddyn")]
    [InlineData(731, "2 flynedd")]
    [InlineData(1100, "3 blynedd")]
    [InlineData(1830, "5 mlynedd")]
    [InlineData(2200, "6 blynedd")]
    [InlineData(3660, "10 mlynedd")]
    public void Years_TakeTheFormAndMutationOfTheirNumber(int days, string words)
    {
        Assert.Equal(words, TimeSpan.FromDays(days).Humanize(maxUnit: TimeUnit.Year, culture: Welsh));
    }

    [Theory]
    [InlineData(2, "dau ddiwrnod")]
    [InlineData(5, "pum niwrnod")]
    [InlineData(14, "dwy wythnos")]
    [InlineData(21, "tair wythnos")]
    public void InWords_NumeralsTakeTheGenderOfTheirNoun(int days, string words)
    {
        Assert.Equal(words, TimeSpan.FromDays(days).Humanize(maxUnit: TimeUnit.Year, toWords: true, culture: Welsh));
    }

    [Fact]
    public void SecondsMinutesAndRelativeDates_ReadInWelsh()
    {
        Assert.Equal("1 eiliad", TimeSpan.FromSeconds(1).Humanize(culture: Welsh));
        Assert.Equal("2 funud", TimeSpan.FromMinutes(2).Humanize(culture: Welsh));
        Assert.Equal("ddoe", DateTime.UtcNow.AddDays(-1).Humanize(dateToCompareAgainst: DateTime.UtcNow, culture: Welsh));
        Assert.Equal("ymhen 2 ddiwrnod", DateTime.UtcNow.AddDays(2).AddMinutes(1).Humanize(dateToCompareAgainst: DateTime.UtcNow, culture: Welsh));
    }
}
