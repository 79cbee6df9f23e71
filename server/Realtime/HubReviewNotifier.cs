using Microsoft.AspNetCore.SignalR;
using ReviewRoom.Reviews;

namespace ReviewRoom.Realtime;

public sealed class HubReviewNotifier(IHubContext<ReviewHub, IReviewClient> hub) : IReviewNotifier
{
    public Task CardAddedAsync(string reviewId, CardView card, long version) =>
        hub.Clients.Group(ReviewHub.GroupFor(reviewId)).CardAdded(card, version);

    public Task ParticipantsChangedAsync(string reviewId, IReadOnlyList<ParticipantView> participants, long version) =>
        hub.Clients.Group(ReviewHub.GroupFor(reviewId)).ParticipantsChanged(participants, version);
}
