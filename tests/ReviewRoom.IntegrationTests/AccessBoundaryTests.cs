using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>
/// Every hub method and page handler, tried by every kind of caller, against a fresh review each
/// time: allowed or refused as DESIGN.md says, and a refused call changes nothing.
/// </summary>
public sealed partial class AccessBoundaryTests(AccessBoundaryTests.Accounts accounts) : IClassFixture<AccessBoundaryTests.Accounts>
{
    public enum Caller { Facilitator, CoFacilitator, Person, Contributor, Screen, Revoked, Stranger, OtherReviewsFacilitator }

    private const string Cards = "priority";
    private const string ActionPlan = "action-plan";
    private const string Choice = "what-matters";

    // One letter per caller, in the order above: Y allowed, n refused.
    private static readonly Dictionary<string, string> Table = new()
    {
        ["hub GetSnapshot"] = "YYYYYnnn",
        ["hub AddCard"] = "YYYYnnnn",
        ["hub EditCard (the person's card)"] = "YYYnnnnn",
        ["hub MoveCard (the person's card)"] = "YYYnnnnn",
        ["hub DeleteCard (the person's card)"] = "YYYnnnnn",
        ["hub RestoreCard (the person's card)"] = "YYYnnnnn",
        ["hub RemoveCardsBy (the person)"] = "YYnnnnnn",
        ["hub AddAction"] = "YYYYnnnn",
        ["hub SetActionStatus (the person's action)"] = "YYYnnnnn",
        ["hub SetActionNote (the person's action)"] = "YYYnnnnn",
        ["hub Choose"] = "YYnnnnnn",
        ["hub SetNowDiscussing"] = "YYnnnnnn",
        ["hub SetLocked"] = "YYnnnnnn",
        ["hub SetQuietWriting"] = "YYnnnnnn",
        ["hub SetKeptOutOfMinutes"] = "nnYnnnnn",
        ["hub Admit (someone in the lobby)"] = "YYYnnnnn",
        ["hub HoldUp (a traffic-light card)"] = "YYYYnnnn",
        ["page GET board"] = "YYYYnnnn",
        ["page GET minutes"] = "YYYnnnnn",
        ["page GET minutes download"] = "YYYnnnnn",
        ["page GET minutes as Word"] = "YYYnnnnn",
        ["page GET easy-read minutes"] = "YYYnnnnn",
        ["page GET easy-read minutes download"] = "YYYnnnnn",
        ["page POST close"] = "YYnnnnnn",
        ["page POST sign off"] = "nnnnnnnn",
        ["page POST share the minutes"] = "YYYnnnnn",
        ["page POST reopen"] = "nnnnnnnn",
        ["page POST email the minutes (to the person)"] = "nnnnnnnn",
        ["page GET big screen"] = "YYnnYnnn",
        ["page GET big screen QR code"] = "YYnnYnnn",
        ["page POST add card"] = "YYYYnnnn",
        ["page POST add action"] = "YYYYnnnn",
        ["page POST choose"] = "YYnnnnnn",
        ["page POST invite"] = "YYnnnnnn",
        ["page POST screen link"] = "YYnnnnnn",
        ["page POST co-facilitator"] = "YYnnnnnn",
        ["page POST join code"] = "YYnnnnnn",
        ["page POST timer"] = "YYnnnnnn",
        ["page POST remove (a contributor)"] = "YYYnnnnn",
        ["page POST remove cards by (the person)"] = "YYnnnnnn",
        ["page POST admit (someone in the lobby)"] = "YYYnnnnn",
        ["page GET the person's reviews"] = "YYnnnnnn",
        ["page GET progress over time"] = "YYnnnnnn",
        ["page GET progress over time as CSV"] = "YYnnnnnn",
        ["page GET plan the next review"] = "YYnnnnnn",
        ["page POST choose a language (on the board)"] = "YYYYYYYY",
        ["page POST leave on this device"] = "YYYYYYYY",
        ["page POST new link (the person's)"] = "YYYnnnnn",
        ["page POST new link (a contributor's)"] = "YYYnnnnn",
        ["page GET the audit trail"] = "YYYnnnnn",
        // The administrator's, not a review's: the facilitator here is the administrator.
        ["page GET the person's record (administration)"] = "Ynnnnnnn",
        ["page GET everything held about the person (administration)"] = "Ynnnnnnn",
        ["page POST delete the person (administration)"] = "Ynnnnnnn",
        ["page POST make a backup (administration)"] = "Ynnnnnnn",
    };

    // Once closed (after the person shared the minutes with the contributor): the board is read-only
    // for everyone, only the facilitators and the person are still in the room, and the contributor
    // may read the minutes.
    private static readonly Dictionary<string, string> ClosedTable = new()
    {
        ["hub GetSnapshot"] = "YYYnnnnn",
        ["hub AddCard"] = "nnnnnnnn",
        ["hub SetNowDiscussing"] = "nnnnnnnn",
        ["hub RemoveCardsBy (the person)"] = "nnnnnnnn",
        ["hub SetKeptOutOfMinutes"] = "nnnnnnnn",
        ["hub HoldUp (a traffic-light card)"] = "YYYnnnnn",
        ["page GET minutes"] = "YYYYnnnn",
        ["page GET minutes download"] = "YYYYnnnn",
        ["page GET minutes as Word"] = "YYYYnnnn",
        ["page GET easy-read minutes"] = "YYYYnnnn",
        ["page GET easy-read minutes download"] = "YYYYnnnn",
        ["page GET big screen"] = "YYnnnnnn",
        ["page POST add card"] = "nnnnnnnn",
        ["page POST invite"] = "nnnnnnnn",
        ["page POST remove (a contributor)"] = "nnnnnnnn",
        ["page POST remove cards by (the person)"] = "nnnnnnnn",
        ["page POST close"] = "nnnnnnnn",
        ["page POST timer"] = "nnnnnnnn",
        ["page POST sign off"] = "nnYnnnnn",
        ["page POST share the minutes"] = "YYYnnnnn",
        ["page POST reopen"] = "YYnnnnnn",
        ["page POST email the minutes (to the person)"] = "YYYnnnnn",
        ["page POST new link (the person's)"] = "YYYnnnnn",
        ["page GET the audit trail"] = "YYYnnnnn",
    };

    private static readonly Dictionary<string, Func<Room, Visitor, Task<bool>>> Operations = new()
    {
        ["hub GetSnapshot"] = (room, v) => Hub(room, v, c => c.InvokeAsync<BoardSnapshot>("GetSnapshot")),
        ["hub AddCard"] = (room, v) => Hub(room, v, c => c.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "Kind"))),
        ["hub EditCard (the person's card)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<CardView>("EditCard", room.PersonsCard, new CardDraft(Cards, "Changed"))),
        ["hub MoveCard (the person's card)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<CardView>("MoveCard", room.PersonsCard, Cards, null, null)),
        ["hub DeleteCard (the person's card)"] = (room, v) => Hub(room, v, c => c.InvokeAsync("DeleteCard", room.PersonsCard)),
        ["hub RestoreCard (the person's card)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<CardView>("RestoreCard", room.PersonsCard)),
        ["hub RemoveCardsBy (the person)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<int>("RemoveCardsBy", room.PersonsParticipantId)),
        ["hub AddAction"] = (room, v) => Hub(room, v, c => c.InvokeAsync<ActionView>("AddAction", NewId(), new ActionDraft(ActionPlan, "Ring the college", "Ana Jones", new DateOnly(2027, 1, 5)))),
        ["hub SetActionStatus (the person's action)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<ActionView>("SetActionStatus", room.PersonsAction, ActionStatus.Done)),
        ["hub SetActionNote (the person's action)"] = (room, v) => Hub(room, v, c => c.InvokeAsync<ActionView>("SetActionNote", room.PersonsAction, "Visited in January")),
        ["hub Choose"] = (room, v) => Hub(room, v, c => c.InvokeAsync("Choose", Choice, 2, "Everyone")),
        ["hub SetNowDiscussing"] = (room, v) => Hub(room, v, c => c.InvokeAsync("SetNowDiscussing", Cards)),
        ["hub SetLocked"] = (room, v) => Hub(room, v, c => c.InvokeAsync("SetLocked", Cards, true)),
        ["hub SetQuietWriting"] = (room, v) => Hub(room, v, c => c.InvokeAsync("SetQuietWriting", Cards, true)),
        ["hub SetKeptOutOfMinutes"] = (room, v) => Hub(room, v, c => c.InvokeAsync<CardView>("SetKeptOutOfMinutes", room.PersonsCard, true)),
        ["hub Admit (someone in the lobby)"] = (room, v) => Hub(room, v, c => c.InvokeAsync("Admit", room.WaitingId, true)),
        ["hub HoldUp (a traffic-light card)"] = (room, v) => Hub(room, v, c => c.InvokeAsync("HoldUp", ReviewRoom.Realtime.TrafficLight.Red)),
        ["page GET board"] = (room, v) => Ok(v.Http.GetAsync($"/reviews/{room.Id}")),
        ["page GET minutes"] = (room, v) => Ok(v.Http.GetAsync($"/minutes/{room.Id}")),
        ["page GET minutes download"] = (room, v) => Ok(v.Http.GetAsync($"/minutes/{room.Id}/download")),
        ["page GET minutes as Word"] = (room, v) => Ok(v.Http.GetAsync($"/minutes/{room.Id}/word")),
        ["page GET easy-read minutes"] = (room, v) => Ok(v.Http.GetAsync($"/minutes/{room.Id}/easy-read")),
        ["page GET easy-read minutes download"] = (room, v) => Ok(v.Http.GetAsync($"/minutes/{room.Id}/easy-read/download")),
        ["page POST close"] = (room, v) => Post(room, v, $"/reviews/{room.Id}/close", []),
        ["page POST sign off"] = (room, v) => Post(room, v, $"/minutes/{room.Id}/signoff", new() { ["agrees"] = "false", ["reason"] = "My words were changed" }),
        ["page POST share the minutes"] = (room, v) => Post(room, v, $"/minutes/{room.Id}/share", new() { ["readers"] = room.ContributorId }),
        ["page POST reopen"] = (room, v) => Post(room, v, $"/minutes/{room.Id}/reopen", []),
        ["page POST email the minutes (to the person)"] = (room, v) => Post(room, v, $"/minutes/{room.Id}/email",
            new() { ["to[0].ParticipantId"] = room.PersonsParticipantId, ["to[0].Email"] = "sam@example.org", ["to[0].Language"] = nameof(Language.English) }),
        ["page GET big screen"] = (room, v) => Ok(v.Http.GetAsync($"/screen/{room.Id}")),
        ["page GET big screen QR code"] = (room, v) => Ok(v.Http.GetAsync($"/screen/{room.Id}/qr")),
        ["page POST add card"] = (room, v) => Post(room, v, Board(room, "addcard"), new() { ["sectionId"] = Cards, ["text"] = "Kind", ["operationId"] = NewId() }),
        ["page POST add action"] = (room, v) => Post(room, v, Board(room, "addaction"), new() { ["sectionId"] = ActionPlan, ["what"] = "Ring", ["owner"] = "Ana", ["due"] = "2027-01-05", ["operationId"] = NewId() }),
        ["page POST choose"] = (room, v) => Post(room, v, Board(room, "choose"), new() { ["sectionId"] = Choice, ["statement"] = "1" }),
        ["page POST invite"] = (room, v) => Post(room, v, Board(room, "invite"), new() { ["name"] = "Bo", ["relationship"] = "friend" }),
        ["page POST screen link"] = (room, v) => Post(room, v, Board(room, "screenlink"), []),
        ["page POST co-facilitator"] = (room, v) => Post(room, v, Board(room, "cofacilitator"), new() { ["email"] = Accounts.SpareEmail }),
        ["page POST join code"] = (room, v) => Post(room, v, Board(room, "joincode"), new() { ["open"] = "true" }),
        ["page POST timer"] = (room, v) => Post(room, v, Board(room, "timer"), new() { ["command"] = "Start", ["minutes"] = "5" }),
        ["page POST remove (a contributor)"] = (room, v) => Post(room, v, Board(room, "remove"), new() { ["participantId"] = room.ContributorId }),
        ["page POST remove cards by (the person)"] = (room, v) => Post(room, v, Board(room, "removecardsby"), new() { ["participantId"] = room.PersonsParticipantId }),
        ["page GET the person's reviews"] = (room, v) => Ok(v.Http.GetAsync($"/people/{room.PersonId}")),
        ["page GET progress over time"] = (room, v) => Ok(v.Http.GetAsync($"/people/{room.PersonId}/progress")),
        ["page GET progress over time as CSV"] = (room, v) => Ok(v.Http.GetAsync($"/people/{room.PersonId}/progress/csv")),
        ["page GET plan the next review"] = (room, v) => Ok(v.Http.GetAsync($"/reviews/new?after={room.Id}")),
        ["page POST choose a language (on the board)"] = (room, v) => Post(room, v, "/language", new() { ["to"] = "cy", ["back"] = $"/reviews/{room.Id}" }),
        ["page POST leave on this device"] = (room, v) => Post(room, v, Board(room, "leave"), []),
        ["page POST new link (the person's)"] = (room, v) => Post(room, v, Board(room, "newlink"), new() { ["participantId"] = room.PersonsParticipantId }),
        ["page GET the audit trail"] = (room, v) => Ok(v.Http.GetAsync($"/reviews/{room.Id}/trail")),
        ["page GET the person's record (administration)"] = (room, v) => Ok(v.Http.GetAsync($"/administration/people/{room.PersonId}")),
        ["page GET everything held about the person (administration)"] = (room, v) => Ok(v.Http.GetAsync($"/administration/people/{room.PersonId}/export")),
        ["page POST delete the person (administration)"] = (room, v) =>
            PostTo(room, v, $"/administration/people/{room.PersonId}/delete", new() { ["typedName"] = "Sam Jones" }, "/administration/people"),
        ["page POST make a backup (administration)"] = (room, v) => PostTo(room, v, "/administration/backups", [], "/administration/backups"),
        ["page POST new link (a contributor's)"] = (room, v) => Post(room, v, Board(room, "newlink"), new() { ["participantId"] = room.ContributorId }),
        ["page POST admit (someone in the lobby)"] = (room, v) => Post(room, v, Board(room, "admit"), new() { ["waitingId"] = room.WaitingId, ["letIn"] = "true" }),
    };

    public static TheoryData<string, Caller> Cases() => CasesOf(Table);

    public static TheoryData<string, Caller> ClosedCases() => CasesOf(ClosedTable);

    private static TheoryData<string, Caller> CasesOf(Dictionary<string, string> table)
    {
        var cases = new TheoryData<string, Caller>();
        foreach (var operation in table.Keys)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(operation, caller);
            }
        }

        return cases;
    }

    [Fact]
    public void Table_CoversEveryHubMethodAndEveryCaller()
    {
        var hubMethods = typeof(ReviewRoom.Realtime.ReviewHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => m.Name);
        var tried = Table.Keys.Where(k => k.StartsWith("hub ", StringComparison.Ordinal)).Select(k => k.Split(' ')[1]);

        Assert.Equal(hubMethods.Order(StringComparer.Ordinal), tried.Order(StringComparer.Ordinal));
        Assert.Equal(Table.Keys.Order(StringComparer.Ordinal), Operations.Keys.Order(StringComparer.Ordinal));
        Assert.Superset(ClosedTable.Keys.ToHashSet(), Table.Keys.ToHashSet());
        Assert.All(Table.Values.Concat(ClosedTable.Values), row => Assert.Equal(Enum.GetValues<Caller>().Length, row.Length));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Operation_IsAllowedOrRefused_AsTheRolesSay(string operation, Caller caller) => TryAsync(Table, operation, caller, closed: false);

    [Theory]
    [MemberData(nameof(ClosedCases))]
    public Task Operation_OnAClosedReview_IsAllowedOrRefused_AsTheRolesSay(string operation, Caller caller) => TryAsync(ClosedTable, operation, caller, closed: true);

    private async Task TryAsync(Dictionary<string, string> table, string operation, Caller caller, bool closed)
    {
        await using var room = await Room.OpenAsync(accounts, closed);
        var before = await room.VersionAsync();
        var visitor = room.As(caller);

        var allowed = await Operations[operation](room, visitor);

        var expected = table[operation][(int)caller] == 'Y';
        Assert.True(expected == allowed, $"{operation} by {caller}: expected {(expected ? "allowed" : "refused")}, was {(allowed ? "allowed" : "refused")}.");
        if (!allowed)
        {
            Assert.Equal(before, await room.VersionAsync());
        }
    }

    private static async Task<bool> Hub(Room room, Visitor visitor, Func<HubConnection, Task> call)
    {
        HubConnection? connection = null;
        try
        {
            // The screen connects without asking to be one: its link alone must make it read-only.
            connection = await visitor.ConnectAsync(room.Id);
            await call(connection).WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (Exception refused) when (refused is not TimeoutException)
        {
            return false;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<bool> Ok(Task<HttpResponseMessage> request) => (await request).StatusCode == HttpStatusCode.OK;

    // A change made through a form answers with a redirect; a refusal does not.
    private static async Task<bool> Post(Room room, Visitor visitor, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = room.AntiforgeryToken(visitor);
        var response = await visitor.Http.PostAsync(path, new FormUrlEncodedContent(fields));
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    // Where a refusal may redirect too (to sign in), a change is known by where it goes next.
    private static async Task<bool> PostTo(Room room, Visitor visitor, string path, Dictionary<string, string> fields, string then)
    {
        fields["__RequestVerificationToken"] = room.AntiforgeryToken(visitor);
        var response = await visitor.Http.PostAsync(path, new FormUrlEncodedContent(fields));
        return response.Headers.Location?.OriginalString == then;
    }

    private static string Board(Room room, string handler) => $"/reviews/{room.Id}/{handler}";

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The accounts every case shares: the facilitator, a colleague made co-facilitator, another review's facilitator.</summary>
    public sealed class Accounts : IAsyncLifetime
    {
        public const string SpareEmail = "spare@example.org";

        private readonly DataFolder _data = new();
        private MailServer _mail = null!;

        public ReviewRoomFactory App { get; private set; } = null!;
        public Visitor Facilitator { get; private set; } = null!;
        public Visitor CoFacilitator { get; private set; } = null!;
        public string CoFacilitatorEmail { get; } = "facilitator1@example.org";
        public Visitor OtherReviewsFacilitator { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _mail = await MailServer.StartAsync();
            App = new ReviewRoomFactory(_data, settings: _mail.Settings);
            Facilitator = await App.NewFacilitatorAsync();
            CoFacilitator = await App.NewFacilitatorAsync();
            OtherReviewsFacilitator = await App.NewFacilitatorAsync();
            await OtherReviewsFacilitator.CreateReviewAsync("Alex Smith");
            await Facilitator.AddFacilitatorAsync("Spare Colleague", SpareEmail);
        }

        public async ValueTask DisposeAsync()
        {
            await Facilitator.DisposeAsync();
            await CoFacilitator.DisposeAsync();
            await OtherReviewsFacilitator.DisposeAsync();
            await App.DisposeAsync();
            await _mail.DisposeAsync();
            _data.Dispose();
        }
    }

    /// <summary>A fresh review with someone of every kind in it, a card and an action by the person, and someone in the lobby.</summary>
    private sealed partial class Room(Accounts accounts, string id) : IAsyncDisposable
    {
        private readonly Dictionary<Visitor, string> _antiforgery = [];
        private HubConnection _facilitatorsView = null!;

        public string Id { get; } = id;
        public Visitor Person { get; } = new(accounts.App);
        public Visitor Contributor { get; } = new(accounts.App);
        public Visitor ScreenDevice { get; } = new(accounts.App);
        public Visitor Revoked { get; } = new(accounts.App);
        public Visitor Stranger { get; } = new(accounts.App);
        public Visitor Waiting { get; } = new(accounts.App);
        public string PersonsCard { get; private set; } = "";
        public string PersonsAction { get; private set; } = "";
        public string ContributorId { get; private set; } = "";
        public string WaitingId { get; private set; } = "";
        public string PersonId { get; private set; } = "";
        public string PersonsParticipantId { get; private set; } = "";

        public static async Task<Room> OpenAsync(Accounts accounts, bool closed)
        {
            var fran = accounts.Facilitator;
            var room = new Room(accounts, await fran.CreateReviewAsync(template: "team-self-assessment"));
            await room.Person.JoinAsync(await fran.InvitationLinkShownAsync(room.Id));
            await room.Contributor.JoinAsync(await fran.InviteAsync(room.Id, "Ana Jones", "sister"));
            await room.Revoked.JoinAsync(await fran.InviteAsync(room.Id, "Raj Patel", "neighbour"));
            await room.ScreenDevice.JoinAsync(await fran.ScreenLinkAsync(room.Id));
            await fran.AddCoFacilitatorAsync(room.Id, accounts.CoFacilitatorEmail);

            await room.Waiting.AskToJoinAsync(await fran.OpenJoinCodeAsync(room.Id));

            var persons = await room.Person.ConnectAsync(room.Id);
            room.PersonsCard = (await persons.InvokeAsync<CardView>("AddCard", NewId(), new CardDraft(Cards, "My own words"))).Id;
            room.PersonsAction = (await persons.InvokeAsync<ActionView>("AddAction", NewId(), new ActionDraft(ActionPlan, "Visit the college", "Sam Jones", new DateOnly(2027, 1, 5)))).Id;

            room._facilitatorsView = await fran.ConnectAsync(room.Id);
            var board = await room._facilitatorsView.InvokeAsync<BoardSnapshot>("GetSnapshot");
            var participants = board.Participants;
            room.PersonId = board.PersonId;
            room.PersonsParticipantId = participants.Single(p => p.Role == Role.Person).Id;
            room.ContributorId = participants.Single(p => p.Name == "Ana Jones").Id;
            room.WaitingId = participants.Single(p => p.Waiting).Id;
            var removed = await fran.PostFormAsync($"/reviews/{room.Id}", $"/reviews/{room.Id}/remove", new() { ["participantId"] = participants.Single(p => p.Name == "Raj Patel").Id });
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
            if (closed)
            {
                var shared = await fran.PostFormAsync($"/minutes/{room.Id}", $"/minutes/{room.Id}/share", new() { ["readers"] = room.ContributorId });
                var closing = await fran.PostFormAsync($"/reviews/{room.Id}/close", $"/reviews/{room.Id}/close", []);
                Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (shared.StatusCode, closing.StatusCode));
            }

            foreach (var visitor in new[] { fran, accounts.CoFacilitator, room.Person, room.Contributor, room.ScreenDevice, room.Revoked, room.Stranger, accounts.OtherReviewsFacilitator })
            {
                // A caller with no board of their own still gets a valid token from a page they can open.
                var page = await visitor.Http.GetStringAsync("/join");
                room._antiforgery[visitor] = AntiforgeryField().Match(page).Groups[1].Value;
            }

            return room;
        }

        public Visitor As(Caller caller) => caller switch
        {
            Caller.Facilitator => accounts.Facilitator,
            Caller.CoFacilitator => accounts.CoFacilitator,
            Caller.Person => Person,
            Caller.Contributor => Contributor,
            Caller.Screen => ScreenDevice,
            Caller.Revoked => Revoked,
            Caller.Stranger => Stranger,
            _ => accounts.OtherReviewsFacilitator,
        };

        public string AntiforgeryToken(Visitor visitor) => _antiforgery[visitor];

        public async Task<long> VersionAsync() => (await _facilitatorsView.InvokeAsync<BoardSnapshot>("GetSnapshot")).Version;

        public async ValueTask DisposeAsync()
        {
            await _facilitatorsView.DisposeAsync();
            foreach (var visitor in new[] { Person, Contributor, ScreenDevice, Revoked, Stranger, Waiting })
            {
                await visitor.DisposeAsync();
            }
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();
    }
}
