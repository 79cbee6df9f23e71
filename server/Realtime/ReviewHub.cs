using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

/// <summary>
/// The live room. A connection belongs to the one review named when it connects, and only if the
/// caller's cookie makes them a member of it; no method takes a review id from the client.
/// A connection that may not be in the room is told so by its first call, and joins no group.
/// </summary>
public sealed class ReviewHub(
    ReviewService reviews, ReviewQueries queries, MembershipCookies memberships, PresenceTracker presence, PresenceAnnouncer announcer, ITrafficLights lights, IOptions<ReviewRoomOptions> options)
    : Hub<IReviewClient>
{
    private const string MemberKey = "member";
    private const string RefusalKey = "refusal";
    private const string LanguageKey = "language";

    public const string Path = "/hubs/review";

    /// <summary>Everyone in the review's room, for what reads the same in every language.</summary>
    public static string GroupFor(string reviewId) => $"review:{reviewId}";

    /// <summary>Those in the review's room who read it in this language.</summary>
    public static string GroupFor(string reviewId, Language language) => $"review:{reviewId}:{Languages.Code(language)}";

    public static string GroupForParticipant(string participantId, Language language) => $"participant:{participantId}:{Languages.Code(language)}";

    /// <summary>The language this connection was opened in: its calls are answered in it, and what it is sent is in it.</summary>
    public static Language LanguageOf(HubCallerContext context) => context.Items.TryGetValue(LanguageKey, out var language) ? (Language)language! : Language.English;

    /// <summary>Who this connection is in its review; null for a connection that was refused.</summary>
    public static ReviewMember? MemberOf(HubCallerContext context) => context.Items.TryGetValue(MemberKey, out var member) ? member as ReviewMember : null;

    /// <summary>Why this connection may not be in the room, if it may not.</summary>
    public static ReviewRuleException? RefusalOf(HubCallerContext context) => context.Items.TryGetValue(RefusalKey, out var refusal) ? refusal as ReviewRuleException : null;

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext()!;
        var language = http.Features.Get<IRequestCultureFeature>() is { } asked ? Languages.Of(asked.RequestCulture.UICulture) : Language.English;
        Context.Items[LanguageKey] = language;
        if (await memberships.FindAsync(http, http.Request.Query["review"]) is not { } member)
        {
            Context.Items[RefusalKey] = new ReviewRuleException(ReviewError.NotAMember);
            return;
        }

        // A screen's own link makes it read-only; a facilitator's tab asking to be the screen becomes read-only too.
        var isScreen = member.OnlyReads || http.Request.Query["screen"] == "1";
        var present = new PresentConnection(Context.ConnectionId, member.ParticipantId, isScreen, language);
        if (await presence.TryArriveAsync(member.ReviewId, Context, present, options.Value.Limits.ConnectionsPerParticipant) is not { } here)
        {
            Context.Items[RefusalKey] = new ReviewRuleException(ReviewError.TooManyConnections);
            return;
        }

        Context.Items[MemberKey] = member with { OnlyReads = isScreen };
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(member.ReviewId));
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(member.ReviewId, language));
        if (!isScreen)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupForParticipant(member.ParticipantId, language));
        }

        await Clients.Caller.PresenceChanged(here);
        await Clients.Caller.TrafficLightsChanged(await lights.HeldInAsync(member.ReviewId));
        if (!isScreen)
        {
            announcer.Announce(member.ReviewId);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (MemberOf(Context) is { } member)
        {
            await presence.LeaveAsync(member.ReviewId, Context.ConnectionId);
            if (!member.OnlyReads)
            {
                announcer.Announce(member.ReviewId);
            }

            // Someone who has left the room no longer holds up a card.
            if (!(await presence.InRoomAsync(member.ReviewId)).Any(c => c.ParticipantId == member.ParticipantId) && await lights.PutDownAsync(member.ReviewId, member.ParticipantId))
            {
                await Clients.Group(GroupFor(member.ReviewId)).TrafficLightsChanged(await lights.HeldInAsync(member.ReviewId));
            }
        }
    }

    public async Task<BoardSnapshot> GetSnapshot() => await queries.SnapshotAsync(Member) ?? throw new ReviewRuleException(ReviewError.NotAMember);

    public Task<CardView> AddCard(string operationId, CardDraft draft) => reviews.AddCardAsync(Member, operationId, draft);

    public Task<CardView> EditCard(string cardId, CardDraft draft) => reviews.EditCardAsync(Member, cardId, draft);

    public Task<CardView> MoveCard(string cardId, string sectionId, string? perspective, bool? working) =>
        reviews.MoveCardAsync(Member, cardId, sectionId, perspective, working);

    public Task DeleteCard(string cardId) => reviews.DeleteCardAsync(Member, cardId);

    public Task<CardView> RestoreCard(string cardId) => reviews.RestoreCardAsync(Member, cardId);

    public Task<int> RemoveCardsBy(string participantId) => reviews.RemoveCardsByAsync(Member, participantId);

    public Task<ActionView> AddAction(string operationId, ActionDraft draft) => reviews.AddActionAsync(Member, operationId, draft);

    public Task<ActionView> SetActionStatus(string actionId, ActionStatus status) => reviews.SetActionStatusAsync(Member, actionId, status);

    public Task<ActionView> SetActionNote(string actionId, string? note) => reviews.SetActionNoteAsync(Member, actionId, note);

    public Task Choose(string sectionId, int statement, string? agreedBy) => reviews.ChooseAsync(Member, sectionId, statement, agreedBy);

    public Task SetNowDiscussing(string? sectionId) => reviews.SetNowDiscussingAsync(Member, sectionId);

    public Task SetLocked(string sectionId, bool locked) => reviews.SetLockedAsync(Member, sectionId, locked);

    public Task<CardView> SetKeptOutOfMinutes(string cardId, bool keptOut) => reviews.SetKeptOutOfMinutesAsync(Member, cardId, keptOut);

    public Task Admit(string waitingId, bool letIn) => reviews.AdmitAsync(Member, waitingId, letIn);

    public Task SetQuietWriting(string sectionId, bool quiet) => reviews.SetQuietWritingAsync(Member, sectionId, quiet);

    /// <summary>Holds up a traffic-light card for the room to see, or puts it down (null). Never saved, never in the minutes.</summary>
    public async Task HoldUp(TrafficLight? light)
    {
        var member = Member;
        if (member.OnlyReads)
        {
            throw new ReviewRuleException(ReviewError.ScreenOnlyShows);
        }

        await Clients.Group(GroupFor(member.ReviewId)).TrafficLightsChanged(await lights.HoldAsync(member.ReviewId, member.ParticipantId, light));
    }

    private ReviewMember Member => MemberOf(Context) ?? throw RefusalOf(Context) ?? new ReviewRuleException(ReviewError.NotAMember);
}
