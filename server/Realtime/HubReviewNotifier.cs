using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

public sealed class HubReviewNotifier(IHubContext<ReviewHub, IReviewClient> hub, PresenceTracker presence, IOtherServers others) : IReviewNotifier
{
    public async Task TellAsync(RoomDelta delta)
    {
        // Those leaving the room hear nothing more of it.
        await EndConnectionsAsync(delta.ReviewId, delta.LeftTheRoom);
        IReadOnlyList<PresentConnection>? inRoom = null;
        foreach (var spoken in delta.InEachLanguage)
        {
            List<string> told = [];
            foreach (var (authorId, theirs) in spoken.ForAuthors)
            {
                await hub.Clients.Group(ReviewHub.GroupForParticipant(authorId, spoken.Language)).Changed(theirs);
                inRoom ??= await presence.InRoomAsync(delta.ReviewId);
                told.AddRange(inRoom.Where(c => c.ParticipantId == authorId && !c.IsScreen).Select(c => c.ConnectionId));
            }

            await hub.Clients.GroupExcept(ReviewHub.GroupFor(delta.ReviewId, spoken.Language), told).Changed(spoken.ForEveryone);
        }
    }

    public async Task EndConnectionsAsync(string reviewId, IEnumerable<string> participantIds)
    {
        IReadOnlyList<string> leaving = [.. participantIds];
        if (leaving.Count > 0)
        {
            await others.EndAsync(reviewId, leaving);
            await EndHereAsync(reviewId, leaving);
        }
    }

    /// <summary>Ends these participants' connections to the review that this server holds.</summary>
    public async Task EndHereAsync(string reviewId, IEnumerable<string> participantIds)
    {
        foreach (var participantId in participantIds)
        {
            foreach (var (connection, present) in presence.OnThisServer(reviewId, participantId))
            {
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupFor(reviewId));
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupFor(reviewId, present.Language));
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupForParticipant(participantId, present.Language));
                connection.Abort();
            }
        }
    }
}
