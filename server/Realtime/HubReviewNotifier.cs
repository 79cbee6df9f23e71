using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

public sealed class HubReviewNotifier(IHubContext<ReviewHub, IReviewClient> hub, PresenceTracker presence) : IReviewNotifier
{
    public async Task TellAsync(RoomDelta delta)
    {
        // Those leaving the room hear nothing more of it.
        await EndConnectionsAsync(delta.ReviewId, delta.LeftTheRoom);
        foreach (var spoken in delta.InEachLanguage)
        {
            List<string> told = [];
            foreach (var (authorId, theirs) in spoken.ForAuthors)
            {
                await hub.Clients.Group(ReviewHub.GroupForParticipant(authorId, spoken.Language)).Changed(theirs);
                told.AddRange(presence.ConnectionsOf(delta.ReviewId, authorId).Where(c => !c.IsScreen).Select(c => c.Connection.ConnectionId));
            }

            await hub.Clients.GroupExcept(ReviewHub.GroupFor(delta.ReviewId, spoken.Language), told).Changed(spoken.ForEveryone);
        }
    }

    public async Task EndConnectionsAsync(string reviewId, IEnumerable<string> participantIds)
    {
        foreach (var participantId in participantIds)
        {
            foreach (var (connection, _) in presence.ConnectionsOf(reviewId, participantId))
            {
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupFor(reviewId));
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupFor(reviewId, ReviewHub.LanguageOf(connection)));
                connection.Abort();
            }
        }
    }
}
