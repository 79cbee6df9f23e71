using System.Collections.Concurrent;
using ReviewRoom.Access;
using ReviewRoom.Domain;
using ReviewRoom.Templates;

namespace ReviewRoom.Reviews;

/// <summary>
/// The one path by which a review changes, for the hub and the pages alike: apply the rule-checked
/// change to the aggregate, save it, and only then tell the room. Changes to one review run one at a
/// time, so versions reach every client in order.
/// </summary>
public sealed class ReviewService(IReviewStore store, IReviewNotifier notifier, TemplateCatalog templates, TimeProvider clock)
{
    private const int OperationIdLength = 64;

    private readonly ConcurrentDictionary<string, Review> _open = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<ReviewMember> CreateAsync(string? personName, string? title, DateOnly? date, string? templateId, string? facilitatorName, string facilitatorRelationship)
    {
        var review = Review.Create(personName, title, date, templates.Find(templateId), facilitatorName, facilitatorRelationship, Now);
        var facilitator = review.Facilitator;
        await store.SaveAsync(review, new Activity(review.Id, facilitator.Id, "review-created", Now));
        _open[review.Id] = review;
        return new ReviewMember(review.Id, facilitator.Id);
    }

    /// <summary>The member, if this participant belongs to this review; null for anyone else.</summary>
    public Task<ReviewMember?> FindMemberAsync(string reviewId, string participantId) =>
        ReadAsync(reviewId, review => review.FindParticipant(participantId) is null ? null : new ReviewMember(reviewId, participantId));

    public Task<BoardSnapshot?> SnapshotAsync(ReviewMember member) =>
        ReadAsync(member.ReviewId, review =>
        {
            review.Member(member.ParticipantId);
            return BoardSnapshot.Of(review);
        });

    public Task<Role?> RoleOfAsync(ReviewMember member) =>
        ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role);

    public Task<CardView> AddCardAsync(ReviewMember member, string? sectionId, string? text, string? operationId)
    {
        if (string.IsNullOrWhiteSpace(operationId) || operationId.Length > OperationIdLength || sectionId is null)
        {
            throw new ReviewRuleException(ReviewError.RequestMalformed);
        }

        return ChangeAsync(
            member,
            "card-added",
            review => CardView.Of(review, review.AddCard(member.ParticipantId, sectionId, text, operationId, Now)),
            (review, card) => notifier.CardAddedAsync(review.Id, card, review.Version));
    }

    /// <summary>Invites someone and returns the secret for their link; only its hash is kept.</summary>
    public async Task<string> InviteAsync(ReviewMember member, string? name, string? relationship)
    {
        var token = InvitationToken.Create();
        await ChangeAsync(
            member,
            "participant-invited",
            review => review.Invite(member.ParticipantId, name, relationship, InvitationToken.Hash(token), Now),
            (review, _) => ParticipantsChangedAsync(review));
        return token;
    }

    /// <summary>Whose review an invitation is for, and as whom; null when the link does not work.</summary>
    public async Task<InvitationView?> FindInvitationAsync(string? token)
    {
        if (!InvitationToken.IsWellFormed(token) || store.FindReviewIdByInvitation(InvitationToken.Hash(token)) is not { } reviewId)
        {
            return null;
        }

        return await ReadAsync(reviewId, review => review.FindInvitation(InvitationToken.Hash(token)) is { } invitee
            ? new InvitationView(new ReviewMember(review.Id, invitee.Id), review.PersonName, review.Title, invitee.Name, invitee.Relationship)
            : null);
    }

    public Task JoinAsync(ReviewMember member) =>
        ChangeAsync(
            member,
            "participant-joined",
            review => review.Join(member.ParticipantId, Now),
            (review, _) => ParticipantsChangedAsync(review));

    private Task ParticipantsChangedAsync(Review review) =>
        notifier.ParticipantsChangedAsync(review.Id, [.. review.Participants.Select(ParticipantView.Of)], review.Version);

    private async Task<T?> ReadAsync<T>(string reviewId, Func<Review, T?> read)
    {
        var gate = _locks.GetOrAdd(reviewId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            return Load(reviewId) is { } review ? read(review) : default;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<T> ChangeAsync<T>(ReviewMember member, string action, Func<Review, T> change, Func<Review, T, Task> tellTheRoom)
    {
        var gate = _locks.GetOrAdd(member.ReviewId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var review = Load(member.ReviewId) ?? throw new ReviewRuleException(ReviewError.NotAMember);
            var before = review.Version;
            var result = change(review);
            if (review.Version == before)
            {
                return result;
            }

            try
            {
                await store.SaveAsync(review, new Activity(review.Id, member.ParticipantId, action, Now));
            }
            catch
            {
                // The copy in memory is ahead of the disk: drop it, so the next reader sees only what was saved.
                _open.TryRemove(member.ReviewId, out _);
                throw;
            }

            await tellTheRoom(review, result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private Review? Load(string reviewId)
    {
        if (_open.TryGetValue(reviewId, out var review))
        {
            return review;
        }

        review = store.Find(reviewId);
        if (review is not null)
        {
            _open[reviewId] = review;
        }

        return review;
    }
}

public sealed record InvitationView(ReviewMember Invitee, string PersonName, string Title, string Name, string Relationship);
