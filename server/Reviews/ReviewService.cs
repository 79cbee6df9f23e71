using System.Collections.Concurrent;
using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Templates;

namespace ReviewRoom.Reviews;

/// <summary>
/// The one path by which a review changes, for the hub and the pages alike: apply the rule-checked
/// change to the aggregate, save it, and only then tell the room. Changes to one review run one at a
/// time, so versions reach every client in order.
/// </summary>
public sealed class ReviewService(IReviewStore store, IReviewNotifier notifier, TemplateCatalog templates, DueDates dueDates, TimeProvider clock)
{
    private const int OperationIdLength = 64;
    private const int JoinCodeLength = 6;

    private readonly ConcurrentDictionary<string, Review> _open = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Creates a review, with the person's own invitation made at once, and for a follow-up, invitations
    /// for those invited again and last time's unfinished actions. Returns the facilitator's place and
    /// the link secrets, the person's first.
    /// </summary>
    public async Task<(ReviewMember Facilitator, IReadOnlyList<(string Name, string Token)> Invited)> CreateAsync(
        FacilitatorAccount facilitator, NewReview details, NewReviewWords words, FollowUp? followUp = null)
    {
        var review = Review.Create(followUp?.PersonName ?? details.PersonName, details.Title, details.Date, templates.Find(details.TemplateId),
            facilitator.Name, words.FacilitatorRelationship, facilitator.Id, Now, followUp?.PersonId, followUp?.PersonReference ?? details.PersonReference);
        var lead = review.Facilitator.Id;
        List<(string Name, string Token)> invited = [];
        foreach (var (name, relationship, role) in followUp?.Invitees.Prepend((review.PersonName, words.PersonsRelationship, Role.Person)) ?? [(review.PersonName, words.PersonsRelationship, Role.Person)])
        {
            var token = InvitationToken.Create();
            review.Invite(lead, name, relationship, role, InvitationToken.Hash(token), Now);
            invited.Add((name, token));
        }

        if (followUp is { Unfinished.Count: > 0 })
        {
            review.CarryOver(lead, words.LastTimeHeading, words.LastTimePrompt, followUp.Unfinished, Now);
        }

        review.SetJoinCode(lead, NewJoinCode());
        await store.SaveAsync(review, new Activity(review.Id, lead, followUp is null ? "review-created" : "follow-up-created", Now));
        _open[review.Id] = review;
        return (new ReviewMember(review.Id, lead), invited);
    }

    /// <summary>What the next review takes from this one, for its facilitator: the person's record, the people chosen to invite again, and every action not done or dropped.</summary>
    public Task<FollowUp?> FollowUpOfAsync(ReviewMember member, IReadOnlyCollection<string>? inviteAgain) =>
        ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role != Role.Facilitator ? null : new FollowUp(
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
            [.. review.Actions.Where(a => !a.Deleted && a.Status is not (ActionStatus.Done or ActionStatus.Dropped)).OrderBy(a => a.Due)]));

    /// <summary>The member, if this participant belongs to this review; null for anyone else.</summary>
    public Task<ReviewMember?> FindMemberAsync(string reviewId, string participantId) =>
        ReadAsync(reviewId, review => review.FindInRoom(participantId) is { } participant
            ? new ReviewMember(reviewId, participantId, OnlyReads: participant.Role == Role.Screen)
            : null);

    /// <summary>A signed-in facilitator's place in a review they run; null for any other review.</summary>
    public Task<ReviewMember?> FindMemberByAccountAsync(string reviewId, string accountId) =>
        ReadAsync(reviewId, review => review.FindByAccount(accountId) is { } facilitator ? new ReviewMember(reviewId, facilitator.Id) : null);

    /// <summary>
    /// The reviews an account runs, soonest first, and their overdue actions: past their date, not
    /// done or dropped, from the latest review of each person (earlier ones were carried over to it).
    /// </summary>
    public (IReadOnlyList<ReviewSummary> Reviews, IReadOnlyList<OverdueAction> Overdue) RunBy(string accountId, DateOnly today)
    {
        var runs = store.FindRunBy(accountId).Where(r => r.FindByAccount(accountId) is not null).ToList();
        var overdue = runs
            .GroupBy(r => r.PersonId)
            .Select(person => person.MaxBy(r => r.Date)!)
            .SelectMany(r => r.Actions
                .Where(a => !a.Deleted && a.Due < today && a.Status is not (ActionStatus.Done or ActionStatus.Dropped))
                .Select(a => new OverdueAction(ReviewSummary.Of(r), a.What, a.Owner, a.Due, dueDates.InWords(a.Due))))
            .OrderBy(a => a.Due);
        return ([.. runs.Select(ReviewSummary.Of).OrderBy(r => r.Date)], [.. overdue]);
    }

    /// <summary>A person's reviews that this account runs, in date order; empty if none.</summary>
    public IReadOnlyList<ReviewSummary> ReviewsOf(string personId, string accountId) =>
        [.. store.FindReviewsOf(personId).Where(r => r.FindByAccount(accountId) is not null).Select(ReviewSummary.Of).OrderBy(r => r.Date)];

    /// <summary>
    /// Everything held about one person, as the minutes of each of their reviews, for a subject access
    /// request. Only for a facilitator who runs every one of them, so nothing is left out unseen.
    /// </summary>
    public async Task<IReadOnlyList<BoardSnapshot>> EverythingAboutAsync(string personId, string accountId)
    {
        List<BoardSnapshot> minutes = [];
        foreach (var reviewId in AllRunBy(personId, accountId))
        {
            minutes.AddRange(await ReadAsync(reviewId, review => BoardSnapshot.Of(review, null, dueDates.InWords)) is { } one ? [one] : []);
        }

        return minutes;
    }

    /// <summary>Deletes reviews for good, after their facilitator confirmed; open pages lose them at once and only the fact of deletion is kept.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<string> reviewIds, string accountId)
    {
        var gates = reviewIds.Order(StringComparer.Ordinal).Select(id => _locks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1))).ToList();
        foreach (var gate in gates)
        {
            await gate.WaitAsync();
        }

        try
        {
            var reviews = reviewIds.Select(id => Load(id) is { } review && review.FindByAccount(accountId)?.Role == Role.Facilitator
                ? review
                : throw new ReviewRuleException(ReviewError.FacilitatorOnly)).ToList();
            await store.DeleteAsync(reviewIds, new Activity("", accountId, "review-deleted", Now));
            foreach (var review in reviews)
            {
                _open.TryRemove(review.Id, out _);
                foreach (var participant in review.Participants)
                {
                    await notifier.ParticipantRemovedAsync(review.Id, participant.Id);
                }
            }
        }
        finally
        {
            gates.ForEach(gate => gate.Release());
        }
    }

    /// <summary>The ids of every review of the person, in date order, if this account runs them all; refused otherwise.</summary>
    public IReadOnlyList<string> AllRunBy(string personId, string accountId)
    {
        var all = store.FindReviewsOf(personId);
        return all.Count > 0 && all.All(r => r.FindByAccount(accountId) is not null)
            ? [.. all.OrderBy(r => r.Date).Select(r => r.Id)]
            : throw new ReviewRuleException(ReviewError.NotAllYourReviews);
    }

    public Task<BoardSnapshot?> SnapshotAsync(ReviewMember member) =>
        ReadAsync(member.ReviewId, review =>
        {
            review.Member(member.ParticipantId);
            // A big screen is nobody's own device, so it shows nobody's quiet writing.
            return BoardSnapshot.Of(review, member.OnlyReads ? "" : member.ParticipantId, dueDates.InWords);
        });

    /// <summary>Everything on the board, quiet writing included: what the minutes are written from.</summary>
    public Task<BoardSnapshot?> WholeBoardAsync(ReviewMember member) =>
        ReadAsync(member.ReviewId, review =>
        {
            review.Member(member.ParticipantId);
            return BoardSnapshot.Of(review, null, dueDates.InWords);
        });

    public Task<Role?> RoleOfAsync(ReviewMember member) =>
        ReadAsync(member.ReviewId, review => review.FindParticipant(member.ParticipantId)?.Role);

    public Task<CardView> AddCardAsync(ReviewMember member, string? operationId, CardDraft? draft) =>
        ChangeAsync(member, "card-added", review => CardView.Of(review, review.AddCard(member.ParticipantId, Checked(draft), Checked(operationId), Now)), TellCardAsync);

    public Task<CardView> EditCardAsync(ReviewMember member, string? cardId, CardDraft? draft) =>
        ChangeAsync(member, "card-edited", review => CardView.Of(review, review.EditCard(member.ParticipantId, cardId, Checked(draft))), TellCardAsync);

    public Task<CardView> MoveCardAsync(ReviewMember member, string? cardId, string? sectionId, string? perspective, bool? working) =>
        ChangeAsync(member, "card-moved", review => CardView.Of(review, review.MoveCard(member.ParticipantId, cardId, sectionId, perspective, working)), TellCardAsync);

    public Task DeleteCardAsync(ReviewMember member, string? cardId) =>
        ChangeAsync(
            member,
            "card-deleted",
            review => CardView.Of(review, review.DeleteCard(member.ParticipantId, cardId)),
            (review, card) => notifier.CardRemovedAsync(review.Id, card.Id, review.Version, card.Quiet ? card.AuthorId : null));

    /// <summary>Undo for a delete.</summary>
    public Task<CardView> RestoreCardAsync(ReviewMember member, string? cardId) =>
        ChangeAsync(member, "card-restored", review => CardView.Of(review, review.RestoreCard(member.ParticipantId, cardId)), TellCardAsync);

    public Task<ActionView> AddActionAsync(ReviewMember member, string? operationId, ActionDraft? draft) =>
        ChangeAsync(
            member,
            "action-added",
            review => ActionView.Of(review.AddAction(member.ParticipantId, draft ?? throw Malformed(), Checked(operationId), Now), dueDates.InWords),
            (review, action) => notifier.ActionSavedAsync(review.Id, action, review.Version));

    public Task<ActionView> SetActionStatusAsync(ReviewMember member, string? actionId, ActionStatus status) =>
        ChangeAsync(
            member,
            "action-status-set",
            review => ActionView.Of(review.SetActionStatus(member.ParticipantId, actionId, status), dueDates.InWords),
            (review, action) => notifier.ActionSavedAsync(review.Id, action, review.Version));

    public Task<ActionView> SetActionNoteAsync(ReviewMember member, string? actionId, string? note) =>
        ChangeAsync(
            member,
            "action-note-set",
            review => ActionView.Of(review.SetActionNote(member.ParticipantId, actionId, note), dueDates.InWords),
            (review, action) => notifier.ActionSavedAsync(review.Id, action, review.Version));

    public Task ChooseAsync(ReviewMember member, string? sectionId, int statement, string? agreedBy) =>
        ChangeAsync(member, "statement-chosen", review => review.Choose(member.ParticipantId, sectionId, statement, agreedBy), TellBoardAsync);

    public Task SetNowDiscussingAsync(ReviewMember member, string? sectionId) =>
        ChangeAsync(member, "now-discussing-set", review => Done(() => review.SetNowDiscussing(member.ParticipantId, sectionId)), TellBoardAsync);

    public Task SetLockedAsync(ReviewMember member, string? sectionId, bool locked) =>
        ChangeAsync(member, locked ? "section-locked" : "section-unlocked", review => Done(() => review.SetLocked(member.ParticipantId, sectionId, locked)), TellBoardAsync);

    public Task SetQuietWritingAsync(ReviewMember member, string? sectionId, bool quiet) =>
        ChangeAsync(member, quiet ? "quiet-writing-opened" : "quiet-writing-revealed", review => Done(() => review.SetQuietWriting(member.ParticipantId, sectionId, quiet)), TellBoardAsync);

    /// <summary>Invites someone and returns the secret for their link; only its hash is kept.</summary>
    public async Task<string> InviteAsync(ReviewMember member, string? name, string? relationship, Role role)
    {
        var token = InvitationToken.Create();
        await ChangeAsync(
            member,
            "participant-invited",
            review => review.Invite(member.ParticipantId, name, relationship, role, InvitationToken.Hash(token), Now),
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

        return await ReadAsync(reviewId, review => review.FindInvitation(InvitationToken.Hash(token), Now) is { } invitee
            ? new InvitationView(new ReviewMember(review.Id, invitee.Id), review.PersonName, review.Title, invitee.Name, invitee.Relationship, invitee.Role, review.IsClosed)
            : null);
    }

    /// <summary>Makes a link for another device to show the review as the big screen; returns its secret, of which only the hash is kept.</summary>
    public async Task<string> AddScreenAsync(ReviewMember member)
    {
        var token = InvitationToken.Create();
        await ChangeAsync(member, "screen-link-made", review => review.AddScreen(member.ParticipantId, InvitationToken.Hash(token), Now), (review, _) => ParticipantsChangedAsync(review));
        return token;
    }

    public Task AddCoFacilitatorAsync(ReviewMember member, FacilitatorAccount? account, string relationship) =>
        ChangeAsync(
            member,
            "co-facilitator-added",
            review => review.AddCoFacilitator(member.ParticipantId, account?.Id ?? throw new ReviewRuleException(ReviewError.CoFacilitatorNotFound), account.Name, relationship, Now),
            (review, _) => ParticipantsChangedAsync(review));

    /// <summary>Records the first time someone comes in; the big screen's first visit is recorded too, though it is nobody in the minutes.</summary>
    public Task JoinAsync(ReviewMember member) =>
        ChangeAsync(
            member,
            "participant-joined",
            review => review.Join(member.ParticipantId, Now),
            (review, _) => ParticipantsChangedAsync(review));

    private Task ParticipantsChangedAsync(Review review) =>
        notifier.ParticipantsChangedAsync(review.Id, ParticipantView.InReview(review), review.Version);

    /// <summary>Shows a new join code on the big screen, or turns joining by code off.</summary>
    public Task SetJoinCodeAsync(ReviewMember member, bool open) =>
        ChangeAsync(member, open ? "join-code-made" : "join-code-turned-off", review => Done(() => review.SetJoinCode(member.ParticipantId, open ? NewJoinCode() : null)), TellBoardAsync);

    /// <summary>Someone who typed a code asks to join; null when the code shows on no review (which is all they learn).</summary>
    public async Task<ReviewMember?> AskToJoinAsync(string? code, string? name, string? relationship)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != JoinCodeLength || store.FindReviewIdByJoinCode(digits) is not { } reviewId)
        {
            return null;
        }

        var gate = _locks.GetOrAdd(reviewId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            if (Load(reviewId) is not { } review || review.JoinCode != digits)
            {
                return null;
            }

            var asking = review.AskToJoin(name, relationship, Now);
            await SaveOrForgetAsync(review, new Activity(review.Id, asking.Id, "asked-to-join", Now));
            await ParticipantsChangedAsync(review);
            return new ReviewMember(review.Id, asking.Id);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Where someone in the lobby stands: still waiting, let in, or turned away.</summary>
    public Task<LobbyState?> LobbyStateAsync(string reviewId, string participantId) =>
        ReadAsync<LobbyState?>(reviewId, review =>
            review.FindWaiting(participantId) is not null ? LobbyState.Waiting
            : review.FindParticipant(participantId) is not null ? LobbyState.LetIn
            : LobbyState.TurnedAway);

    public Task AdmitAsync(ReviewMember member, string? waitingId, bool letIn) =>
        ChangeAsync(member, letIn ? "let-in" : "turned-away", review => review.Admit(member.ParticipantId, waitingId, letIn, Now), (review, _) => ParticipantsChangedAsync(review));

    public Task SetDetailsAsync(ReviewMember member, string? place, DateOnly? nextReview) =>
        ChangeAsync(member, "details-set", review => Done(() => review.SetDetails(member.ParticipantId, place, nextReview)), TellBoardAsync);

    public Task AddApologyAsync(ReviewMember member, string? name, string? relationship, string? contribution) =>
        ChangeAsync(member, "apology-added", review => review.AddApology(member.ParticipantId, name, relationship, contribution), TellBoardAsync);

    public Task RemoveApologyAsync(ReviewMember member, string? apologyId) =>
        ChangeAsync(member, "apology-removed", review => Done(() => review.RemoveApology(member.ParticipantId, apologyId)), TellBoardAsync);

    /// <summary>Ends the meeting: the board turns read-only for the facilitators and the person, and everyone else's pages lose it at once.</summary>
    public Task CloseAsync(ReviewMember member) =>
        ChangeAsync(
            member,
            "review-closed",
            review => Done(() => review.Close(member.ParticipantId, Now)),
            async (review, _) =>
            {
                await notifier.BoardChangedAsync(review.Id, review.Version);
                foreach (var outside in review.Participants.Where(p => !p.Removed && review.FindInRoom(p.Id) is null))
                {
                    await notifier.ParticipantRemovedAsync(review.Id, outside.Id);
                }
            });

    public Task ReopenAsync(ReviewMember member) =>
        ChangeAsync(member, "review-reopened", review => Done(() => review.Reopen(member.ParticipantId)), TellBoardAsync);

    public Task SignOffAsync(ReviewMember member, bool agrees, string? reason) =>
        ChangeAsync(member, agrees ? "minutes-agreed" : "minutes-disagreed", review => review.SignOffMinutes(member.ParticipantId, agrees, reason, Now), TellBoardAsync);

    public Task ShareMinutesAsync(ReviewMember member, IReadOnlyCollection<string>? readerIds) =>
        ChangeAsync(member, "minutes-shared", review => Done(() => review.ShareMinutes(member.ParticipantId, readerIds ?? [])), (review, _) => ParticipantsChangedAsync(review));

    /// <summary>Everything that goes in the minutes, for someone allowed to read them; null for anyone else.</summary>
    public Task<BoardSnapshot?> MinutesForAsync(string reviewId, string participantId) =>
        ReadAsync(reviewId, review => review.MayReadMinutes(participantId) ? BoardSnapshot.Of(review, null, dueDates.InWords) : null);

    /// <summary>Takes someone out of the review; their open pages lose access at once.</summary>
    public Task RemoveParticipantAsync(ReviewMember member, string? participantId) =>
        ChangeAsync(
            member,
            "participant-removed",
            review => review.Remove(member.ParticipantId, participantId),
            async (review, removed) =>
            {
                await ParticipantsChangedAsync(review);
                await notifier.ParticipantRemovedAsync(review.Id, removed.Id);
            });

    public Task<CardView> SetKeptOutOfMinutesAsync(ReviewMember member, string? cardId, bool keptOut) =>
        ChangeAsync(
            member,
            keptOut ? "card-kept-out-of-minutes" : "card-put-back-in-minutes",
            review => CardView.Of(review, review.SetKeptOutOfMinutes(member.ParticipantId, cardId, keptOut)),
            TellCardAsync);

    private Task TellCardAsync(Review review, CardView card) =>
        notifier.CardSavedAsync(review.Id, card, review.Version, card.Quiet ? card.AuthorId : null);

    private Task TellBoardAsync<T>(Review review, T _) => notifier.BoardChangedAsync(review.Id, review.Version);

    private static bool Done(Action change)
    {
        change();
        return true;
    }

    private static string Checked(string? operationId) =>
        string.IsNullOrWhiteSpace(operationId) || operationId.Length > OperationIdLength ? throw Malformed() : operationId;

    private static CardDraft Checked(CardDraft? draft) => draft ?? throw Malformed();

    private static ReviewRuleException Malformed() => new(ReviewError.RequestMalformed);

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
        if (member.OnlyReads)
        {
            throw new ReviewRuleException(ReviewError.ScreenOnlyShows);
        }

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

            await SaveOrForgetAsync(review, new Activity(review.Id, member.ParticipantId, action, Now));
            await tellTheRoom(review, result);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SaveOrForgetAsync(Review review, Activity activity)
    {
        try
        {
            await store.SaveAsync(review, activity);
        }
        catch
        {
            // The copy in memory is ahead of the disk: drop it, so the next reader sees only what was saved.
            _open.TryRemove(review.Id, out _);
            throw;
        }
    }

    private string NewJoinCode()
    {
        while (true)
        {
            var code = System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (store.FindReviewIdByJoinCode(code) is not { } reviewId || Load(reviewId)?.JoinCode != code)
            {
                return code;
            }
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

public sealed record NewReview(string? PersonName, string? Title, DateOnly? Date, string? TemplateId, string? PersonReference = null);

/// <summary>The words a new review is made with, in the facilitator's language.</summary>
public sealed record NewReviewWords(string FacilitatorRelationship, string PersonsRelationship, string LastTimeHeading, string LastTimePrompt);

public sealed record FollowUpInvitee(string ParticipantId, string Name, string Relationship);

/// <summary>What a review passes on to the next one for the same person.</summary>
public sealed record FollowUp(
    string PersonId, string PersonName, string? PersonReference, string Title, string TemplateId, DateOnly? NextReviewDate,
    IReadOnlyList<FollowUpInvitee> Suggested, IReadOnlyList<(string Name, string Relationship, Role Role)> Invitees, IReadOnlyList<ActionItem> Unfinished);

public enum LobbyState
{
    Waiting,
    LetIn,
    TurnedAway,
}

public sealed record ReviewSummary(string Id, string PersonId, string PersonName, string? PersonReference, string Title, DateOnly Date, bool IsClosed)
{
    public static ReviewSummary Of(Review review) => new(review.Id, review.PersonId, review.PersonName, review.PersonReference, review.Title, review.Date, review.IsClosed);
}

public sealed record OverdueAction(ReviewSummary Review, string What, string Owner, DateOnly Due, string DueInWords);

public sealed record InvitationView(ReviewMember Invitee, string PersonName, string Title, string Name, string Relationship, Role Role, bool ReviewClosed);
