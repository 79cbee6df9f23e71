using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

/// <summary>
/// The live room. A connection belongs to the one review named when it connects, and only if the
/// caller's cookie makes them a member of it; no method takes a review id from the client.
/// </summary>
public sealed class ReviewHub(ReviewService reviews, MembershipCookies memberships, PresenceTracker presence) : Hub<IReviewClient>
{
    private const string MemberKey = "member";

    public static string GroupFor(string reviewId) => $"review:{reviewId}";

    public static string GroupForParticipant(string participantId) => $"participant:{participantId}";

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext()!;
        var member = await memberships.FindAsync(http, http.Request.Query["review"])
            ?? throw new ReviewRuleException(ReviewError.NotAMember);
        // A screen's own link makes it read-only; a facilitator's tab asking to be the screen becomes read-only too.
        var isScreen = member.OnlyReads || http.Request.Query["screen"] == "1";
        Context.Items[MemberKey] = member with { OnlyReads = isScreen };
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(member.ReviewId));
        if (!isScreen)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupForParticipant(member.ParticipantId));
        }

        var here = presence.Arrive(member.ReviewId, Context, member.ParticipantId, isScreen);
        await (isScreen ? Clients.Caller : Clients.Group(GroupFor(member.ReviewId))).PresenceChanged(here);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(MemberKey, out var value) && value is ReviewMember member)
        {
            var here = presence.Leave(member.ReviewId, Context.ConnectionId);
            if (!member.OnlyReads)
            {
                await Clients.Group(GroupFor(member.ReviewId)).PresenceChanged(here);
            }
        }
    }

    public async Task<BoardSnapshot> GetSnapshot() => (await reviews.SnapshotAsync(Member))!;

    public Task<CardView> AddCard(string operationId, CardDraft draft) => reviews.AddCardAsync(Member, operationId, draft);

    public Task<CardView> EditCard(string cardId, CardDraft draft) => reviews.EditCardAsync(Member, cardId, draft);

    public Task<CardView> MoveCard(string cardId, string sectionId, string? perspective, bool? working) =>
        reviews.MoveCardAsync(Member, cardId, sectionId, perspective, working);

    public Task DeleteCard(string cardId) => reviews.DeleteCardAsync(Member, cardId);

    public Task<CardView> RestoreCard(string cardId) => reviews.RestoreCardAsync(Member, cardId);

    public Task<ActionView> AddAction(string operationId, ActionDraft draft) => reviews.AddActionAsync(Member, operationId, draft);

    public Task<ActionView> SetActionStatus(string actionId, ActionStatus status) => reviews.SetActionStatusAsync(Member, actionId, status);

    public Task<ActionView> SetActionNote(string actionId, string? note) => reviews.SetActionNoteAsync(Member, actionId, note);

    public Task Choose(string sectionId, int statement, string? agreedBy) => reviews.ChooseAsync(Member, sectionId, statement, agreedBy);

    public Task SetNowDiscussing(string? sectionId) => reviews.SetNowDiscussingAsync(Member, sectionId);

    public Task SetLocked(string sectionId, bool locked) => reviews.SetLockedAsync(Member, sectionId, locked);

    public Task<CardView> SetKeptOutOfMinutes(string cardId, bool keptOut) => reviews.SetKeptOutOfMinutesAsync(Member, cardId, keptOut);

    public Task Admit(string waitingId, bool letIn) => reviews.AdmitAsync(Member, waitingId, letIn);

    public Task SetQuietWriting(string sectionId, bool quiet) => reviews.SetQuietWritingAsync(Member, sectionId, quiet);

    private ReviewMember Member => (ReviewMember)Context.Items[MemberKey]!;
}
