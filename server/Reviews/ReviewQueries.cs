using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.Reviews;

/// <summary>
/// Everything read about reviews: what a member sees, who may come in, and the lists. Lists read
/// the small summaries the store keeps, never whole reviews; nothing here waits behind a change.
/// </summary>
public sealed class ReviewQueries(OpenReviews open, IReviewStore store, DueDates dueDates, TimeProvider clock)
{
    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>What the next review takes from this one, for its facilitator: the person's record, the people chosen to invite again, and every action not done or dropped.</summary>
    public Task<FollowUp?> FollowUpOfAsync(ReviewMember member, IReadOnlyCollection<string>? inviteAgain) =>
        open.ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role != Role.Facilitator ? null : new FollowUp(
            review.PersonId,
            review.PersonName,
            review.PersonReference,
            review.Title,
            review.TemplateId,
            review.NextReviewDate,
            [.. review.Participants.Where(p => p.Role == Role.Contributor && !p.Removed && !p.Waiting).Select(p => new FollowUpInvitee(p.Id, p.Name, p.Relationship))],
            [.. review.Participants
                .Where(p => p.Role == Role.Contributor && !p.Removed && !p.Waiting && (inviteAgain?.Contains(p.Id) ?? false))
                .Select(p => (p.Name, p.Relationship, Role.Contributor))],
            [.. review.Actions.Where(IsUnfinished).OrderBy(a => a.Due)],
            review.Language));

    /// <summary>The member, if this participant belongs to this review by their current link and it has not run out; null for anyone else.</summary>
    public Task<ReviewMember?> FindMemberAsync(string reviewId, string participantId, int linkNumber) =>
        open.ReadAsync(reviewId, review => review.FindInRoom(participantId) is { } participant && participant.LinkNumber == linkNumber && StillLets(participant)
            ? new ReviewMember(reviewId, participantId, OnlyReads: participant.Role == Role.Screen)
            : null);

    /// <summary>Whether a device let in by this participant's link may still use it: the link has not been made again since.</summary>
    public async Task<bool> HoldsLinkAsync(string reviewId, string participantId, int linkNumber) =>
        await open.ReadAsync(reviewId, review => review.Participants.FirstOrDefault(p => p.Id == participantId)?.LinkNumber == linkNumber);

    // A session from an invitation ends when the invitation does, however long its cookie would last.
    private bool StillLets(Participant participant) => participant.ExpiresAt is not { } ends || ends > Now;

    /// <summary>What someone in the review is called, even if they have since been removed; null for nobody in it.</summary>
    public Task<string?> NameOfAsync(ReviewMember member, string? participantId) =>
        open.ReadAsync(member.ReviewId, review => review.Participants.FirstOrDefault(p => p.Id == participantId)?.Name);

    /// <summary>A signed-in facilitator's place in a review they run; null for any other review.</summary>
    public Task<ReviewMember?> FindMemberByAccountAsync(string reviewId, string accountId) =>
        open.ReadAsync(reviewId, review => review.FindByAccount(accountId) is { } facilitator ? new ReviewMember(reviewId, facilitator.Id) : null);

    /// <summary>
    /// The reviews an account runs, soonest first, and their overdue actions: past their date, not
    /// done or dropped, from the latest review of each person (earlier ones were carried over to it).
    /// </summary>
    public (IReadOnlyList<ReviewSummary> Reviews, IReadOnlyList<OverdueAction> Overdue) RunBy(string accountId, DateOnly today)
    {
        var runs = store.FindRunBy(accountId);
        var overdue = runs
            .GroupBy(r => r.PersonId)
            .Select(person => person.MaxBy(r => r.Date)!)
            .SelectMany(r => store.ActionsOf(r.Id)
                .Where(a => IsUnfinished(a) && a.Due < today)
                .Select(a => new OverdueAction(r, a.What, a.Owner, a.Due, dueDates.InWords(a.Due))))
            .OrderBy(a => a.Due);
        return ([.. runs.OrderBy(r => r.Date)], [.. overdue]);
    }

    /// <summary>A person's reviews that this account runs, in date order; empty if none.</summary>
    public IReadOnlyList<ReviewSummary> ReviewsOf(string personId, string accountId)
    {
        var runs = store.FindRunBy(accountId).Select(r => r.Id).ToHashSet();
        return [.. store.FindReviewsOf(personId).Where(r => runs.Contains(r.Id)).OrderBy(r => r.Date)];
    }

    /// <summary>
    /// A team's self-assessment over time, for a facilitator who runs its reviews: each area (the
    /// latest review's first, in its words), with the statement chosen at each review that had it.
    /// </summary>
    public async Task<IReadOnlyList<AreaProgress>> ProgressOfAsync(string personId, string accountId)
    {
        List<BoardSnapshot> reviews = [];
        foreach (var summary in ReviewsOf(personId, accountId))
        {
            reviews.AddRange(await open.ReadAsync(summary.Id, r => BoardSnapshot.Of(r, null, dueDates.InWords)) is { } one ? [one] : []);
        }

        var areas = Enumerable.Reverse(reviews).SelectMany(r => r.Sections).Where(s => s.Kind.TakesAChoice).DistinctBy(s => s.Id);
        return [.. areas.Select(area => new AreaProgress(area.Id, area.Heading, area.Options, [.. reviews
            .Select(r => (Review: r, Area: r.Sections.FirstOrDefault(s => s.Id == area.Id)))
            .Where(r => r.Area is not null)
            .Select(r => new AreaChoice(r.Review.Date, r.Review.Title, r.Area!.Chosen))]))];
    }

    /// <summary>The minutes of each of a person's reviews, in date order, quiet writing and kept-out cards left out as in any minutes.</summary>
    public async Task<IReadOnlyList<BoardSnapshot>> MinutesOfAsync(string personId)
    {
        List<BoardSnapshot> minutes = [];
        foreach (var review in store.FindReviewsOf(personId).OrderBy(r => r.Date))
        {
            minutes.AddRange(await open.ReadAsync(review.Id, r => BoardSnapshot.Of(r, null, dueDates.InWords)) is { } one ? [one] : []);
        }

        return minutes;
    }

    public Task<BoardSnapshot?> SnapshotAsync(ReviewMember member) =>
        open.ReadAsync(member.ReviewId, review =>
        {
            review.Member(member.ParticipantId);
            // A big screen is nobody's own device, so it shows nobody's quiet writing.
            return BoardSnapshot.Of(review, member.OnlyReads ? "" : member.ParticipantId, dueDates.InWords, Now);
        });

    /// <summary>Everything on the board, quiet writing included: what the minutes are written from.</summary>
    public Task<BoardSnapshot?> WholeBoardAsync(ReviewMember member) =>
        open.ReadAsync(member.ReviewId, review =>
        {
            review.Member(member.ParticipantId);
            return BoardSnapshot.Of(review, null, dueDates.InWords);
        });

    public Task<Role?> RoleOfAsync(ReviewMember member) =>
        open.ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role);

    /// <summary>Whose review an invitation is for, and as whom; null when the link does not work.</summary>
    public async Task<InvitationView?> FindInvitationAsync(string? token)
    {
        if (!Access.InvitationToken.IsWellFormed(token) || store.FindReviewIdByInvitation(Access.InvitationToken.Hash(token)) is not { } reviewId)
        {
            return null;
        }

        return await open.ReadAsync(reviewId, review => review.FindInvitation(Access.InvitationToken.Hash(token), Now) is { } invitee
            ? new InvitationView(new ReviewMember(review.Id, invitee.Id), review.PersonName, review.Title, invitee.Name, invitee.Relationship, invitee.Role, review.IsClosed, review.Language, review.Date, review.StartsAt,
                invitee.LinkNumber, invitee.ExpiresAt)
            : null);
    }

    /// <summary>Where someone in the lobby stands: still waiting, let in, or turned away.</summary>
    public Task<LobbyState?> LobbyStateAsync(string reviewId, string participantId) =>
        open.ReadAsync<LobbyState?>(reviewId, review =>
            review.FindWaiting(participantId) is not null ? LobbyState.Waiting
            : review.FindParticipant(participantId) is not null ? LobbyState.LetIn
            : LobbyState.TurnedAway);

    /// <summary>Everything that goes in the minutes, for someone allowed to read them; null for anyone else.</summary>
    public Task<BoardSnapshot?> MinutesForAsync(string reviewId, string participantId) =>
        open.ReadAsync(reviewId, review => review.MayReadMinutes(participantId) && StillLets(review.Member(participantId))
            ? BoardSnapshot.Of(review, null, dueDates.InWords)
            : null);

    /// <summary>The people the minutes may be e-mailed to, with the addresses last given, for the facilitators and the person; nobody for anyone else.</summary>
    public async Task<IReadOnlyList<MinutesRecipient>> MinutesRecipientsAsync(ReviewMember member) =>
        await open.ReadAsync<IReadOnlyList<MinutesRecipient>>(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role is Role.Facilitator or Role.Person
            ? [.. review.MinutesRecipients.Select(p => MinutesRecipient.Of(review, p))]
            : null) ?? [];

    private static bool IsUnfinished(ActionItem action) => !action.Deleted && action.Status is not (ActionStatus.Done or ActionStatus.Dropped);
}

/// <summary>One of the people the person chose to have the minutes; <see cref="Email"/> is empty until an address is given.</summary>
public sealed record MinutesRecipient(string Id, string Name, string Relationship, Role Role, string Email, Language Language)
{
    public static MinutesRecipient Of(Review review, Participant participant) =>
        new(participant.Id, participant.Name, participant.Relationship, participant.Role, participant.Email ?? "", participant.EmailLanguage ?? review.Language);
}

/// <summary>One area of a team's self-assessment across its reviews, oldest first.</summary>
public sealed record AreaProgress(string Id, string Heading, IReadOnlyList<string> Statements, IReadOnlyList<AreaChoice> Choices);

/// <summary>The statement chosen for an area at one review (by its index), if one was.</summary>
public sealed record AreaChoice(DateOnly Date, string Title, int? Chosen);
