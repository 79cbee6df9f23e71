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

    public override async Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext()!;
        var member = await memberships.FindAsync(http, http.Request.Query["review"])
            ?? throw new ReviewRuleException(ReviewError.NotAMember);
        Context.Items[MemberKey] = member;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(member.ReviewId));
        await Clients.Group(GroupFor(member.ReviewId)).PresenceChanged(presence.Arrive(member.ReviewId, Context.ConnectionId, member.ParticipantId));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(MemberKey, out var value) && value is ReviewMember member)
        {
            await Clients.Group(GroupFor(member.ReviewId)).PresenceChanged(presence.Leave(member.ReviewId, Context.ConnectionId));
        }
    }

    public async Task<BoardSnapshot> GetSnapshot() => (await reviews.SnapshotAsync(Member))!;

    public Task<CardView> AddCard(string operationId, string sectionId, string text) =>
        reviews.AddCardAsync(Member, sectionId, text, operationId);

    private ReviewMember Member => (ReviewMember)Context.Items[MemberKey]!;
}
