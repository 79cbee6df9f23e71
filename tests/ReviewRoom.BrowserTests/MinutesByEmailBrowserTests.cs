using Microsoft.Playwright;
using ReviewRoom.TestHost;
using static Microsoft.Playwright.Assertions;

namespace ReviewRoom.BrowserTests;

/// <summary>The person sends their final minutes by e-mail, through a real SMTP server, to themselves and the one relative they chose.</summary>
public sealed class MinutesByEmailBrowserTests(Chromium chromium) : LiveApp
{
    private MailServer _mail = null!;

    protected override IReadOnlyDictionary<string, string?>? Settings => _mail.Settings;

    public override async ValueTask InitializeAsync()
    {
        _mail = await MailServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _mail.DisposeAsync();
    }

    [Fact]
    public async Task ThePerson_SendsTheirMinutes_ToThemselvesInWelsh_AndToTheRelativeTheyChose_AndTheFormIsAxeClean()
    {
        await using var fran = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "facilitator");
        await using var sam = await Participant.ArriveAsync(chromium.Browser, App.RootUri, "person", width: 390);
        await fran.SetUpAsync(App.Logs);
        await fran.CreateReviewAsync("Sam Jones", "Annual review", "2026-12-01");
        var samsLink = await fran.Page.GetByLabel("Invitation link").InputValueAsync();
        await fran.InviteAsync("Ana Jones", "sister");
        await fran.InviteAsync("Raj Patel", "support worker");
        await sam.JoinAsync(samsLink);
        await fran.Page.GetByRole(AriaRole.Link, new() { Name = "Close the review" }).ClickAsync();
        await fran.Page.GetByRole(AriaRole.Button, new() { Name = "Close the review" }).ClickAsync();
        await Expect(sam.Page.GetByRole(AriaRole.Heading, new() { Name = "Do you agree with these minutes?" })).ToBeVisibleAsync();
        await sam.Page.GetByLabel("Ana Jones, sister").CheckAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save who may read them" }).ClickAsync();

        var email = sam.Page.Locator("#email");
        await Expect(email.GetByRole(AriaRole.Group)).ToHaveCountAsync(2);
        await Expect(email.GetByRole(AriaRole.Group, new() { Name = "Raj Patel, support worker" })).ToHaveCountAsync(0);
        var forSam = email.GetByRole(AriaRole.Group, new() { Name = "Sam Jones, whose review it is" });
        var forAna = email.GetByRole(AriaRole.Group, new() { Name = "Ana Jones, sister" });
        await forSam.GetByLabel("Email address").FillAsync("sam@example.org");
        await forSam.GetByLabel("Language of their email").SelectOptionAsync(new SelectOptionValue { Label = "Cymraeg" });
        await forAna.GetByLabel("Email address").FillAsync("ana at home");
        await email.GetByRole(AriaRole.Button, new() { Name = "Send the minutes" }).ClickAsync();
        await Expect(sam.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter an email address for Ana Jones, like name@example.org");
        var mistakeViolations = await sam.AccessibilityViolationsAsync();

        await forAna.GetByLabel("Email address").FillAsync("ana.jones@example.org");
        await email.GetByRole(AriaRole.Button, new() { Name = "Send the minutes" }).ClickAsync();
        await Expect(sam.Page.Locator("#email .govuk-notification-banner")).ToContainTextAsync("The minutes were sent by email to:");
        await Expect(sam.Page.Locator("#email .govuk-notification-banner li")).ToHaveTextAsync(["Sam Jones", "Ana Jones"]);
        await Expect(forSam.GetByLabel("Language of their email")).ToHaveValueAsync("Welsh");
        var sentViolations = await sam.AccessibilityViolationsAsync();
        await email.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.TestResults, "minutes-emailed.png") });

        var letters = _mail.Received.ToDictionary(r => Assert.Single(r.To), r => r.Message);
        Assert.Equal(["ana.jones@example.org", "sam@example.org"], letters.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("Cofnodion: Annual review", letters["sam@example.org"].Subject, StringComparison.Ordinal);
        Assert.StartsWith("Minutes: Annual review", letters["ana.jones@example.org"].Subject, StringComparison.Ordinal);
        Assert.All(letters.Values, m => Assert.Equal(2, m.Attachments.Count()));
        Assert.True(mistakeViolations.Count == 0, string.Join("; ", mistakeViolations));
        Assert.True(sentViolations.Count == 0, string.Join("; ", sentViolations));
    }
}
