using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// DESIGN.md's limits: every participant has a rate limit on hub calls and form posts and a few live
/// connections at most; every review has caps on cards and text. A refusal says what the limit is
/// and when to try again, is logged at Information, and changes nothing; and nobody can make the
/// room unusable for the others.
/// </summary>
public sealed partial class LimitsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Cards = "like-and-admire";
    private const string OtherCards = "important-to-now";
    private const string Actions = "actions";

    // As shipped in ReviewRoomOptions' ChangeLimits.
    private const int ShippedBurst = 30;
    private const int ShippedPerSecond = 3;
    private const int ShippedConnections = 5;

    private const string TooManyConnectionsWords = "This review is already open in 5 tabs or devices of yours, the most allowed. Close one of them, then reload this page.";
    private const string BoardFullWords = "This board is full: it holds at most 2,500 cards and 1,000,000 characters in all. Nothing was added. The facilitator can make room by deleting some cards.";
    private const string FacilitatorOnlyWords = "Only the facilitator can do that.";
    private const string NotAMemberWords = "You are not part of this review. Open your invitation link again, or ask the facilitator for a new one.";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly DataFolder _data = new();
    private readonly List<IAsyncDisposable> _owned = [];
    private ReviewRoomFactory? _app;

    private ReviewRoomFactory App => _app ?? throw new InvalidOperationException("Open a review first.");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task HubCallsSentFlatOut_WithTheShippedLimits_AreRefusedAfterTheBurstInPlainWords_AndChangeNothing()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true);
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var bo = await InviteeAsync(fran, reviewId, "Bo Lane", "friend");
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasRoom = await ana.ConnectAsync(reviewId);
        var bosRoom = await bo.ConnectAsync(reviewId);
        var before = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var sending = Stopwatch.StartNew();
        var (answered, refusal) = await AddCardsUntilRefusedAsync(anasRoom, "Ana's card");
        var elapsed = sending.Elapsed;
        var refusedAgain = await Assert.ThrowsAsync<HubException>(() => anasRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "One more from Ana")));
        List<CardView> bosCards = [];
        for (var i = 0; i < 5; i++)
        {
            bosCards.Add(await bosRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, $"Bo's card {i}")));
        }

        var after = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        output.WriteLine($"Ana's calls answered before the first refusal: {answered}, sent in {elapsed.TotalMilliseconds:N0} ms.");
        output.WriteLine($"Refused with: {WordsOf(refusal)}");
        Assert.InRange(answered, ShippedBurst, ShippedBurst + RefillIn(elapsed));
        Assert.Contains("(30 changes at once, then 3 a second)", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(RetryAfterSecondsIn(refusal), 1, 10);
        Assert.InRange(RetryAfterSecondsIn(refusedAgain), 1, 10);
        Assert.Equal(before.Version + answered + bosCards.Count, after.Version);
        Assert.Equal(CardCount(before) + answered + bosCards.Count, CardCount(after));
        Assert.DoesNotContain(CardsOf(after), c => c.Text == "One more from Ana");
        Assert.Equal(bosCards.Select(c => c.Id).Order(StringComparer.Ordinal), CardsOf(after).Where(c => c.AuthorName == "Bo Lane").Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FormPost_ByAnInviteeWhoUsedUpTheirBurstOnTheHub_Gets429WithRetryAfter_AndAPageInPlainWords()
    {
        // The shipped burst, refilled by one change every 10 seconds: no refill can land between the last hub call and the post.
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true, new() { ["ReviewRoom:Limits:ChangesPerSecond"] = "0.1" });
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var bo = await InviteeAsync(fran, reviewId, "Bo Lane", "friend");
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasRoom = await ana.ConnectAsync(reviewId);
        var before = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var (answered, _) = await AddCardsUntilRefusedAsync(anasRoom, "Ana's card");
        var refused = await ana.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new() { ["sectionId"] = Cards, ["text"] = "Sent from the form", ["operationId"] = NewId() });
        var page = await refused.Content.ReadAsStringAsync();
        var bosPost = await bo.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new() { ["sectionId"] = Cards, ["text"] = "Bo's card from the form", ["operationId"] = NewId() });
        var after = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        output.WriteLine($"Hub calls answered before the form post: {answered}; the post was answered {(int)refused.StatusCode}, Retry-After {refused.Headers.RetryAfter}.");
        Assert.InRange(answered, ShippedBurst, ShippedBurst + 1);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Contains("<h1 class=\"govuk-heading-l\">Please slow down a little</h1>", page, StringComparison.Ordinal);
        Assert.Contains("That was more than one person sends in a moment, so nothing was changed.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, bosPost.StatusCode);
        Assert.Equal(CardCount(before) + answered + 1, CardCount(after));
        Assert.DoesNotContain(CardsOf(after), c => c.Text == "Sent from the form");
    }

    [Fact]
    public async Task RefusedFormPosts_OfOneInvitee_StillShowThePlainWords_AndDoNotHoldUpSomeoneElseJoiningFromTheSameAddress()
    {
        // The test server gives every visitor the same address, as a reverse proxy or a venue's wifi would.
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true, new() { ["ReviewRoom:Limits:ChangesPerSecond"] = "0.1" });
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var bosLink = await fran.InviteAsync(reviewId, "Bo Lane", "friend");
        var anasRoom = await ana.ConnectAsync(reviewId);
        await AddCardsUntilRefusedAsync(anasRoom, "Ana's card");

        List<(HttpStatusCode Status, string Page)> refused = [];
        for (var i = 0; i < 2 * ShippedBurst; i++)
        {
            var post = await ana.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new() { ["sectionId"] = Cards, ["text"] = $"Sent from the form {i}", ["operationId"] = NewId() });
            refused.Add((post.StatusCode, await post.Content.ReadAsStringAsync()));
        }

        var bo = Own(new Visitor(App));
        var joined = await bo.JoinAsync(bosLink);

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.Status));
        Assert.All(refused, r => Assert.Contains("Please slow down a little", r.Page, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
    }

    [Fact]
    public async Task SixthConnection_OfOneParticipant_IsRefusedInPlainWords_AndANewOneWorksOnceOneOfTheFiveCloses()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: false);
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var franRoom = await fran.ConnectAsync(reviewId);
        var tabs = await ConnectAsync(ana, reviewId, ShippedConnections);
        foreach (var tab in tabs)
        {
            await tab.InvokeAsync<BoardSnapshot>("GetSnapshot");
        }

        var sixth = await ana.ConnectAsync(reviewId);
        var refused = await Assert.ThrowsAsync<HubException>(() => sixth.InvokeAsync<BoardSnapshot>("GetSnapshot"));
        var refusedToAdd = await Assert.ThrowsAsync<HubException>(() => sixth.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "From the sixth tab")));

        // Every message already on its way to the facilitator arrives before this answer; the next presence change is the tab closing.
        await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");
        var oneClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (franRoom.On<IReadOnlyList<string>>("PresenceChanged", _ => oneClosed.TrySetResult()))
        {
            await tabs[0].StopAsync();
            await oneClosed.Task.WaitAsync(Patience);
        }

        var newTab = await ana.ConnectAsync(reviewId);
        var added = await newTab.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "From a new tab"));
        var board = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.EndsWith(TooManyConnectionsWords, refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(TooManyConnectionsWords, refusedToAdd.Message, StringComparison.Ordinal);
        Assert.Equal([added.Id], CardsOf(board).Select(c => c.Id));
    }

    [Fact]
    public async Task ConnectionsOpenedAllAtOnce_ByOneParticipant_AreLetInOnlyUpToTheLimit()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: false);
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");

        var tabs = await Task.WhenAll(Enumerable.Range(0, 3 * ShippedConnections).Select(_ => ana.ConnectAsync(reviewId)));
        var letIn = await Task.WhenAll(tabs.Select(async tab =>
        {
            try
            {
                await tab.InvokeAsync<BoardSnapshot>("GetSnapshot");
                return true;
            }
            catch (HubException refusal) when (refusal.Message.EndsWith(TooManyConnectionsWords, StringComparison.Ordinal))
            {
                return false;
            }
        }));

        Assert.Equal(ShippedConnections, letIn.Count(allowed => allowed));
    }

    [Fact]
    public async Task BoardFilledToItsCardCap_RefusesTheNextCardInPlainWords_WhileEverythingElseStillWorks()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: false);
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var bo = await InviteeAsync(fran, reviewId, "Bo Lane", "friend");
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasTabs = await ConnectAsync(ana, reviewId, 3);
        var bosRoom = await bo.ConnectAsync(reviewId);
        const int AnasCards = Limits.CardsOnBoard - 500;

        var filling = Stopwatch.StartNew();
        await Task.WhenAll(AddCardsAsync(anasTabs, AnasCards, n => $"Ana's card {n}"), AddCardsAsync([bosRoom], 500, n => $"Bo's card {n}"));
        output.WriteLine($"Filled the board with {Limits.CardsOnBoard:N0} cards from 4 connections in {filling.ElapsedMilliseconds:N0} ms.");
        var full = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");
        var refused = await Assert.ThrowsAsync<HubException>(() => bosRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "One card too many")));
        var refusedToo = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(OtherCards, "And another")));
        var stillFull = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var movedOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (bosRoom.On<BoardDelta>("Changed", delta =>
        {
            if (delta.Board?.NowDiscussing == Actions)
            {
                movedOn.TrySetResult();
            }
        }))
        {
            await franRoom.InvokeAsync("SetNowDiscussing", Actions);
            await movedOn.Task.WaitAsync(Patience);
        }

        var action = await bosRoom.InvokeAsync<ActionView>("AddAction", NewId(), new ActionDraft(Actions, "Ring the college", "Bo Lane", new DateOnly(2027, 1, 5)));
        var bosView = await bosRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");
        var anasId = full.Participants.Single(p => p.Name == "Ana Jones").Id;
        var removed = await franRoom.InvokeAsync<int>("RemoveCardsBy", anasId);
        var roomAgain = await bosRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "Room again"));
        var end = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.Equal(Limits.CardsOnBoard, CardCount(full));
        Assert.EndsWith(BoardFullWords, refused.Message, StringComparison.Ordinal);
        Assert.EndsWith(BoardFullWords, refusedToo.Message, StringComparison.Ordinal);
        Assert.Equal((full.Version, Limits.CardsOnBoard), (stillFull.Version, CardCount(stillFull)));
        Assert.Equal(Actions, bosView.NowDiscussing);
        Assert.Contains(bosView.Sections.Single(s => s.Id == Actions).Actions, a => a.Id == action.Id);
        Assert.Equal(Limits.CardsOnBoard, CardCount(bosView));
        Assert.Equal(AnasCards, removed);
        Assert.Equal(501, CardCount(end));
        Assert.All(CardsOf(end), c => Assert.Equal("Bo Lane", c.AuthorName));
        Assert.Contains(CardsOf(end), c => c.Id == roomAgain.Id);
    }

    [Fact]
    public async Task BoardFilledToItsTextCap_RefusesAnyMoreWordsInPlainWords_AndTakesThemAgainOnceThereIsRoom()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: false);
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasTabs = await ConnectAsync(ana, reviewId, 3);

        var filling = Stopwatch.StartNew();
        await AddCardsAsync(anasTabs, Limits.TextOnBoard / Limits.CardLength, n => FullCard(n));
        output.WriteLine($"Filled the board with {Limits.TextOnBoard:N0} characters in {filling.ElapsedMilliseconds:N0} ms.");
        var full = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");
        var oneMore = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "a")));
        var stillFull = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        var shortened = await anasTabs[0].InvokeAsync<CardView>("EditCard", CardsOf(full)[0].Id, new CardDraft(null, new string('s', Limits.CardLength - 10)));
        var elevenTooMany = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "eleven char")));
        var tenFit = await anasTabs[0].InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "ten chars!"));
        var grownTooMuch = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync<CardView>("EditCard", tenFit.Id, new CardDraft(null, "eleven char")));
        var end = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.Equal(Limits.TextOnBoard, TextOf(full));
        Assert.All(new[] { oneMore, elevenTooMany, grownTooMuch }, refusal => Assert.EndsWith(BoardFullWords, refusal.Message, StringComparison.Ordinal));
        Assert.Equal((full.Version, Limits.TextOnBoard), (stillFull.Version, TextOf(stillFull)));
        Assert.Equal(Limits.CardLength - 10, shortened.Text.Length);
        Assert.Equal(Limits.TextOnBoard, TextOf(end));
        Assert.Equal("ten chars!", CardsOf(end).Single(c => c.Id == tenFit.Id).Text);
    }

    [Fact]
    public async Task Refusals_AreLoggedAtInformationWithoutAStackTrace_AndNothingIsLoggedAtWarningOrAbove()
    {
        // Enough changes at once for one person to fill the board's text; after that they are held to one
        // change every 20 seconds, so even on a busy machine the form post below still comes too soon.
        const int Filling = Limits.TextOnBoard / Limits.CardLength;
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true, new()
        {
            ["ReviewRoom:Limits:ChangeBurst"] = (Filling + 20).ToString(CultureInfo.InvariantCulture),
            ["ReviewRoom:Limits:ChangesPerSecond"] = "0.05",
        });
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var stranger = Own(new Visitor(App));
        var anasTabs = await ConnectAsync(ana, reviewId, 3);
        await AddCardsAsync(anasTabs, Filling, n => FullCard(n));
        var loggedBefore = App.Logs.Entries.Count;

        var boardFull = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "a")));
        var wrongRole = await Assert.ThrowsAsync<HubException>(() => anasTabs[0].InvokeAsync("SetNowDiscussing", Actions));
        var (_, tooFast) = await AddCardsUntilRefusedAsync(anasTabs[1], "Past the burst", HubCall(tab => tab.InvokeAsync("SetNowDiscussing", Actions)));
        var formTooFast = await ana.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/addcard", new() { ["sectionId"] = Cards, ["text"] = "a", ["operationId"] = NewId() });
        var strangersRoom = await stranger.ConnectAsync(reviewId);
        var notAMember = await Assert.ThrowsAsync<HubException>(() => strangersRoom.InvokeAsync<BoardSnapshot>("GetSnapshot"));
        var logged = App.Logs.Entries.ToList()[loggedBefore..];
        var refusals = logged.Where(e => e.Message.StartsWith("Refused", StringComparison.Ordinal)).ToList();

        foreach (var entry in refusals)
        {
            output.WriteLine(entry.ToString());
        }

        Assert.EndsWith(BoardFullWords, boardFull.Message, StringComparison.Ordinal);
        Assert.EndsWith(FacilitatorOnlyWords, wrongRole.Message, StringComparison.Ordinal);
        Assert.InRange(RetryAfterSecondsIn(tooFast), 1, 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, formTooFast.StatusCode);
        Assert.EndsWith(NotAMemberWords, notAMember.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Warning);
        Assert.All(refusals, e => Assert.Equal((LogLevel.Information, null), (e.Level, e.Exception)));
        Assert.Contains(refusals, e => e.Message == "Refused AddCard: BoardFull");
        Assert.Contains(refusals, e => e.Message == "Refused SetNowDiscussing: FacilitatorOnly");
        Assert.Contains(refusals, e => e.Message.StartsWith("Refused SetNowDiscussing in review", StringComparison.Ordinal) && e.Message.Contains("too fast", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Message.StartsWith($"Refused a form post to /reviews/{reviewId}/addcard: too fast", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Message == "Refused GetSnapshot: NotAMember");
    }

    [Fact]
    public async Task InviteeFloodingAddCard_WithTheShippedLimits_LeavesTheRoomWorkingForEveryoneElse()
    {
        const int QuietCards = 4;
        const int BosCards = 12;
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true);
        var flo = await InviteeAsync(fran, reviewId, "Flo Dunn", "neighbour");
        var bo = await InviteeAsync(fran, reviewId, "Bo Lane", "friend");
        var franRoom = await fran.ConnectAsync(reviewId);
        var flosTabs = await ConnectAsync(flo, reviewId, ShippedConnections);
        var bosRoom = await bo.ConnectAsync(reviewId);
        var seenByFran = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        TaskCompletionSource<long> SeenByFran(string cardId) => seenByFran.GetOrAdd(cardId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        franRoom.On<BoardDelta>("Changed", delta =>
        {
            foreach (var card in delta.Cards ?? [])
            {
                SeenByFran(card.Id).TrySetResult(Stopwatch.GetTimestamp());
            }
        });
        var before = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        using var stop = new CancellationTokenSource();
        var (floodAnswered, floodRefused) = (0, 0);
        async Task FloodAsync(HubConnection tab)
        {
            await Task.Yield();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await tab.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "Flood"));
                    Interlocked.Increment(ref floodAnswered);
                }
                catch (HubException)
                {
                    Interlocked.Increment(ref floodRefused);
                }
            }
        }

        // Bo's pace: a card every quarter of a second, as quick as a person types. The timer paces him; no outcome is waited for by time.
        async Task<List<(CardView Card, TimeSpan Answered, TimeSpan Seen)>> BoAddsCardsAsync(int count, string text)
        {
            List<(CardView Card, TimeSpan Answered, TimeSpan Seen)> cards = [];
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            for (var i = 0; i < count; i++)
            {
                await pace.WaitForNextTickAsync();
                var sent = Stopwatch.GetTimestamp();
                var card = await bosRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(OtherCards, $"{text} {i}"));
                var answered = Stopwatch.GetElapsedTime(sent);
                cards.Add((card, answered, Stopwatch.GetElapsedTime(sent, await SeenByFran(card.Id).Task.WaitAsync(Patience))));
            }

            return cards;
        }

        var quiet = await BoAddsCardsAsync(QuietCards, "Bo's card before the flood");
        var flooding = Stopwatch.StartNew();
        // Four calls in flight on each of the five tabs, each sent the moment the last was answered.
        var flood = Task.WhenAll(flosTabs.SelectMany(tab => Enumerable.Range(0, 4).Select(_ => FloodAsync(tab))));
        var bos = await BoAddsCardsAsync(BosCards, "Bo's card");
        await stop.CancelAsync();
        await flood;
        var elapsed = flooding.Elapsed;
        var after = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        output.WriteLine($"Flood over {elapsed.TotalSeconds:N1} s: {floodAnswered} calls answered, {floodRefused:N0} refused ({floodRefused / elapsed.TotalSeconds:N0} a second).");
        output.WriteLine($"Before the flood, Bo's {QuietCards} cards answered after (ms): {Spread(quiet.Select(b => b.Answered))}");
        output.WriteLine($"Before the flood, Bo's {QuietCards} cards seen by Fran after (ms): {Spread(quiet.Select(b => b.Seen))}");
        output.WriteLine($"During the flood, Bo's {BosCards} cards answered after (ms): {Spread(bos.Select(b => b.Answered))}");
        output.WriteLine($"During the flood, Bo's {BosCards} cards seen by Fran after (ms): {Spread(bos.Select(b => b.Seen))}");
        Assert.InRange(floodAnswered, ShippedBurst, ShippedBurst + RefillIn(elapsed));
        Assert.True(floodRefused > 0, "The flood was never refused.");
        // After its first refusal, a tab that calls on regardless is answered at most once a refill: no flat-out refusals to send.
        Assert.InRange(floodRefused, 1, ShippedConnections * 2 * ((int)elapsed.TotalSeconds + 2));
        Assert.All(flosTabs, tab => Assert.Equal(HubConnectionState.Connected, tab.State));
        Assert.Equal(CardCount(before) + QuietCards + floodAnswered + BosCards, CardCount(after));
        Assert.Equal(floodAnswered, CardsOf(after).Count(c => c.AuthorName == "Flo Dunn"));
        Assert.All(bos, b => Assert.Contains(CardsOf(after), c => c.Id == b.Card.Id));
    }

    [Fact]
    public async Task SignInsFromOneAddress_PastSixtyAMinute_AreTurnedAwayForTheRestOfTheMinute_WhileJoiningByLinkStillWorks()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: true);
        var link = await fran.InviteAsync(reviewId, "Ana Jones", "sister");
        var guesser = Own(new Visitor(App));
        var token = AntiforgeryToken().Match(await guesser.Http.GetStringAsync("/sign-in")).Groups[1].Value;

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 61; i++)
        {
            answers.Add(await guesser.Http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = $"guess{i}@example.org", ["Password"] = "a guessed password", ["__RequestVerificationToken"] = token,
            })));
        }

        var turnedAway = answers[^1];
        var ana = Own(new Visitor(App));
        Assert.Equal(HttpStatusCode.TooManyRequests, turnedAway.StatusCode);
        // The minute's door, not the one-second refill of the form-post bucket the guesser also emptied.
        Assert.True(turnedAway.Headers.RetryAfter?.Delta > TimeSpan.FromSeconds(1), $"Retry-After: {turnedAway.Headers.RetryAfter}");
        Assert.Contains("Please slow down a little", await turnedAway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await guesser.Http.GetAsync("/sign-in")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ana.JoinAsync(link)).StatusCode);
    }

    [Fact]
    public async Task RemoveAllCardsBy_PostedFromTheFacilitatorsBoard_TakesOnlyThatPersonsCardsOff_AndSaysHowMany()
    {
        var (reviewId, fran) = await OpenReviewAsync(shippedLimits: false);
        var sam = Own(new Visitor(App));
        await sam.JoinAsync(await fran.InvitationLinkShownAsync(reviewId));
        var ana = await InviteeAsync(fran, reviewId, "Ana Jones", "sister");
        var bo = await InviteeAsync(fran, reviewId, "Bo Lane", "friend");
        var anasRoom = await ana.ConnectAsync(reviewId);
        var bosRoom = await bo.ConnectAsync(reviewId);
        await AddCardsAsync([anasRoom], 3, n => $"Ana's card {n}");
        var bosCard = await bosRoom.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "Bo's card"));
        var franRoom = await fran.ConnectAsync(reviewId);
        var anasId = (await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot")).Participants.Single(p => p.Name == "Ana Jones").Id;
        var samsBoard = await sam.Http.GetStringAsync($"/reviews/{reviewId}");

        var removed = await fran.PostFormAsync($"/reviews/{reviewId}", $"/reviews/{reviewId}/removecardsby", new() { ["participantId"] = anasId });
        var shown = await fran.Http.GetStringAsync(removed.Headers.Location);
        var shownAgain = await fran.Http.GetStringAsync($"/reviews/{reviewId}");
        var board = await franRoom.InvokeAsync<BoardSnapshot>("GetSnapshot");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains(">3 cards by Ana Jones were taken off the board.</p>", shown, StringComparison.Ordinal);
        Assert.Contains(">Remove all cards by Bo Lane</button>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-notification-banner", shownAgain, StringComparison.Ordinal);
        Assert.DoesNotContain(">Remove all cards by", samsBoard, StringComparison.Ordinal);
        Assert.Equal([bosCard.Id], CardsOf(board).Select(c => c.Id));
    }

    private async Task<(string ReviewId, Visitor Facilitator)> OpenReviewAsync(bool shippedLimits, Dictionary<string, string?>? settings = null)
    {
        _app = new ReviewRoomFactory(_data, shippedLimits: shippedLimits, settings: settings);
        var fran = Own(await _app.NewFacilitatorAsync());
        return (await fran.CreateReviewAsync(), fran);
    }

    private async Task<Visitor> InviteeAsync(Visitor facilitator, string reviewId, string name, string relationship)
    {
        var invitee = Own(new Visitor(App));
        var joined = await invitee.JoinAsync(await facilitator.InviteAsync(reviewId, name, relationship));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        return invitee;
    }

    private static async Task<HubConnection[]> ConnectAsync(Visitor visitor, string reviewId, int tabs)
    {
        var connections = new HubConnection[tabs];
        for (var i = 0; i < tabs; i++)
        {
            connections[i] = await visitor.ConnectAsync(reviewId);
        }

        return connections;
    }

    /// <summary>Adds cards as fast as the server answers, spread over the given connections, one call at a time on each.</summary>
    private static Task AddCardsAsync(HubConnection[] tabs, int count, Func<int, string> text)
    {
        var next = -1;
        return Task.WhenAll(tabs.Select(async tab =>
        {
            for (var n = Interlocked.Increment(ref next); n < count; n = Interlocked.Increment(ref next))
            {
                await tab.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(n % 2 == 0 ? Cards : OtherCards, text(n)));
            }
        }));
    }

    /// <summary>Sends one call after another on one connection until one is refused for going too fast; counts those answered.</summary>
    private static async Task<(int Answered, HubException TooFast)> AddCardsUntilRefusedAsync(HubConnection tab, string text, Func<HubConnection, Task>? call = null)
    {
        call ??= HubCall(t => t.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, text)));
        for (var answered = 0; answered < 10_000; answered++)
        {
            try
            {
                await call(tab);
            }
            catch (HubException refusal) when (TooFastWords().IsMatch(refusal.Message))
            {
                return (answered, refusal);
            }
            catch (HubException)
            {
                // Refused for another reason (the caller's role, say): it still counts against the rate.
            }
        }

        throw new InvalidOperationException("10,000 calls in a row were never refused for going too fast.");
    }

    private static Func<HubConnection, Task> HubCall(Func<HubConnection, Task> call) => call;

    private static int RetryAfterSecondsIn(HubException refusal)
    {
        var words = TooFastWords().Match(refusal.Message);
        Assert.True(words.Success, $"Not the words for going too fast: {refusal.Message}");
        return int.Parse(words.Groups["seconds"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>How many changes the bucket can have been given back while something ran for this long: the shipped rate, once a second, counting a tick at each end.</summary>
    private static int RefillIn(TimeSpan elapsed) => ShippedPerSecond * ((int)elapsed.TotalSeconds + 1);

    private static string WordsOf(HubException refusal) => refusal.Message[(refusal.Message.IndexOf("HubException: ", StringComparison.Ordinal) + 14)..];

    private static string FullCard(int n) => new((char)('a' + (n % 26)), Limits.CardLength);

    private static List<CardView> CardsOf(BoardSnapshot board) => [.. board.Sections.SelectMany(s => s.Cards)];

    private static int CardCount(BoardSnapshot board) => board.Sections.Sum(s => s.Cards.Count);

    private static int TextOf(BoardSnapshot board) => board.Sections.SelectMany(s => s.Cards).Sum(c => c.Text.Length);

    private static string Spread(IEnumerable<TimeSpan> latencies)
    {
        var ms = latencies.Select(l => l.TotalMilliseconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"min {ms[0]:N0}, median {ms[ms.Count / 2]:N0}, max {ms[^1]:N0}; each: {string.Join(", ", ms.Select(m => m.ToString("N0", CultureInfo.InvariantCulture)))}");
    }

    private T Own<T>(T disposable) where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"That is faster than this room allows \([0-9,]+ changes at once, then [0-9.]+ a second\)\. Nothing was changed\. Please try again in (?<seconds>\d+) seconds?\.$")]
    private static partial Regex TooFastWords();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
