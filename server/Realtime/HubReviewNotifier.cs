using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

public sealed class HubReviewNotifier(IHubContext<ReviewHub, IReviewClient> hub, PresenceTracker presence) : IReviewNotifier
{
    public Task CardSavedAsync(string reviewId, CardView card, long version, string? onlyFor) =>
        Audience(reviewId, onlyFor).CardSaved(card, version);

    public Task CardRemovedAsync(string reviewId, string cardId, long version, string? onlyFor) =>
        Audience(reviewId, onlyFor).CardRemoved(cardId, version);

    public Task ActionSavedAsync(string reviewId, ActionView action, long version) =>
        Room(reviewId).ActionSaved(action, version);

    public Task ParticipantsChangedAsync(string reviewId, IReadOnlyList<ParticipantView> participants, long version) =>
        Room(reviewId).ParticipantsChanged(participants, version);

    public async Task ParticipantRemovedAsync(string reviewId, string participantId)
    {
        foreach (var connection in presence.ConnectionsOf(reviewId, participantId))
        {
            await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, ReviewHub.GroupFor(reviewId));
            connection.Abort();
        }
    }

    public Task BoardChangedAsync(string reviewId, long version) => Room(reviewId).BoardChanged(version);

    private IReviewClient Room(string reviewId) => hub.Clients.Group(ReviewHub.GroupFor(reviewId));

    private IReviewClient Audience(string reviewId, string? onlyFor) =>
        onlyFor is null ? Room(reviewId) : hub.Clients.Group(ReviewHub.GroupForParticipant(onlyFor));
}
