using ReviewRoom.Access;
using ReviewRoom.Accounts;
using ReviewRoom.Domain;
using ReviewRoom.Templates;

namespace ReviewRoom.Reviews;

/// <summary>
/// Every change to a review, for the hub and the pages alike. Each is one rule-checked change to the
/// aggregate, made through <see cref="OpenReviews.ChangeAsync"/>: saved, and only then told to the room.
/// </summary>
public sealed class ReviewService(OpenReviews open, IReviewStore store, IReviewNotifier notifier, TemplateCatalog templates, DueDates dueDates, JoinCodeBudget joinCodes, TimeProvider clock)
{
    private const int OperationIdLength = 64;
    private const int JoinCodeLength = 6;

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
            facilitator.Name, words.FacilitatorRelationship, facilitator.Id, Now, followUp?.PersonId, followUp?.PersonReference ?? details.PersonReference,
            details.Language ?? followUp?.Language ?? Language.English);
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

        await open.AddAsync(review, new Activity(review.Id, lead, followUp is null ? "review-created" : "follow-up-created", Now, Role.Facilitator));
        return (new ReviewMember(review.Id, lead), invited);
    }

    /// <summary>
    /// Deletes reviews for good (an administrator confirmed it, or they outlived the retention
    /// period); open pages lose them at once and only the fact of deletion, when and by whom, is kept.
    /// </summary>
    /// <param name="by">The administrator's account, or what removed them ("retention").</param>
    public async Task DeleteAsync(IReadOnlyCollection<string> reviewIds, string by, string action)
    {
        List<Review> reviews = [];
        foreach (var reviewId in reviewIds)
        {
            reviews.AddRange(await open.ReadAsync(reviewId, review => review) is { } found ? [found] : []);
        }

        foreach (var review in reviews)
        {
            await open.ForgetAsync(review.Id);
        }

        await store.DeleteAsync(reviewIds, new Activity("", by, action, Now));
        foreach (var review in reviews)
        {
            await notifier.EndConnectionsAsync(review.Id, review.Participants.Select(p => p.Id));
        }
    }

    public Task<CardView> AddCardAsync(ReviewMember member, string? operationId, CardDraft? draft) =>
        ChangeAsync(member, "card-added", review => CardView.Of(review, review.AddCard(member.ParticipantId, Checked(draft), Checked(operationId), Now)));

    public Task<CardView> EditCardAsync(ReviewMember member, string? cardId, CardDraft? draft) =>
        ChangeAsync(member, "card-edited", review => CardView.Of(review, review.EditCard(member.ParticipantId, cardId, Checked(draft))));

    public Task<CardView> MoveCardAsync(ReviewMember member, string? cardId, string? sectionId, string? perspective, bool? working) =>
        ChangeAsync(member, "card-moved", review => CardView.Of(review, review.MoveCard(member.ParticipantId, cardId, sectionId, perspective, working)));

    public Task DeleteCardAsync(ReviewMember member, string? cardId) =>
        ChangeAsync(member, "card-deleted", review => review.DeleteCard(member.ParticipantId, cardId));

    /// <summary>Undo for a delete.</summary>
    public Task<CardView> RestoreCardAsync(ReviewMember member, string? cardId) =>
        ChangeAsync(member, "card-restored", review => CardView.Of(review, review.RestoreCard(member.ParticipantId, cardId)));

    /// <summary>Takes every card one person has on the board off it; returns how many.</summary>
    public Task<int> RemoveCardsByAsync(ReviewMember member, string? authorId) =>
        ChangeAsync(member, "cards-removed-by-author", review => review.RemoveCardsBy(member.ParticipantId, authorId).Count);

    public Task<ActionView> AddActionAsync(ReviewMember member, string? operationId, ActionDraft? draft) =>
        ChangeAsync(member, "action-added", review => ActionView.Of(review.AddAction(member.ParticipantId, draft ?? throw Malformed(), Checked(operationId), Now), dueDates.InWords));

    public Task<ActionView> SetActionStatusAsync(ReviewMember member, string? actionId, ActionStatus status) =>
        ChangeAsync(member, "action-status-set", review => ActionView.Of(review.SetActionStatus(member.ParticipantId, actionId, status), dueDates.InWords));

    public Task<ActionView> SetActionNoteAsync(ReviewMember member, string? actionId, string? note) =>
        ChangeAsync(member, "action-note-set", review => ActionView.Of(review.SetActionNote(member.ParticipantId, actionId, note), dueDates.InWords));

    public Task ChooseAsync(ReviewMember member, string? sectionId, int statement, string? agreedBy) =>
        ChangeAsync(member, "statement-chosen", review => review.Choose(member.ParticipantId, sectionId, statement, agreedBy));

    public Task SetNowDiscussingAsync(ReviewMember member, string? sectionId) =>
        ChangeAsync(member, "now-discussing-set", review => Done(() => review.SetNowDiscussing(member.ParticipantId, sectionId)));

    public Task SetLockedAsync(ReviewMember member, string? sectionId, bool locked) =>
        ChangeAsync(member, locked ? "section-locked" : "section-unlocked", review => Done(() => review.SetLocked(member.ParticipantId, sectionId, locked)));

    public Task SetQuietWritingAsync(ReviewMember member, string? sectionId, bool quiet) =>
        ChangeAsync(member, quiet ? "quiet-writing-opened" : "quiet-writing-revealed", review => Done(() => review.SetQuietWriting(member.ParticipantId, sectionId, quiet)));

    /// <summary>Invites someone and returns the secret for their link; only its hash is kept.</summary>
    public async Task<string> InviteAsync(ReviewMember member, string? name, string? relationship, Role role)
    {
        var token = InvitationToken.Create();
        await ChangeAsync(member, "participant-invited", review => review.Invite(member.ParticipantId, name, relationship, role, InvitationToken.Hash(token), Now));
        return token;
    }

    /// <summary>Makes someone's link again and returns its secret; their pages opened by the old one lose the review at once.</summary>
    public async Task<ReissuedLink> ReissueLinkAsync(ReviewMember member, string? inviteeId)
    {
        var token = InvitationToken.Create();
        var link = await ChangeAsync(member, "link-reissued", review =>
        {
            var invitee = review.ReissueLink(member.ParticipantId, inviteeId, InvitationToken.Hash(token));
            return new ReissuedLink(token, invitee.Id, invitee.Name, invitee.LinkNumber, invitee.ExpiresAt, review.IsClosed);
        });
        await notifier.EndConnectionsAsync(member.ReviewId, [link.ParticipantId]);
        return link;
    }

    /// <summary>Makes a link for another device to show the review as the big screen; returns its secret, of which only the hash is kept.</summary>
    public async Task<string> AddScreenAsync(ReviewMember member)
    {
        var token = InvitationToken.Create();
        await ChangeAsync(member, "screen-link-made", review => review.AddScreen(member.ParticipantId, InvitationToken.Hash(token), Now));
        return token;
    }

    public Task AddCoFacilitatorAsync(ReviewMember member, FacilitatorAccount? account, string relationship) =>
        ChangeAsync(member, "co-facilitator-added", review => review.AddCoFacilitator(
            member.ParticipantId, account?.Id ?? throw new ReviewRuleException(ReviewError.CoFacilitatorNotFound), account.Name, relationship, Now));

    /// <summary>Records the first time someone comes in; the big screen's first visit is recorded too, though it is nobody in the minutes.</summary>
    public Task JoinAsync(ReviewMember member) =>
        ChangeAsync(member, "participant-joined", review => review.Join(member.ParticipantId, Now));

    public Task SetTimerAsync(ReviewMember member, TimerCommand command, int? minutes) =>
        ChangeAsync(member, $"timer-{command.ToString().ToLowerInvariant()}", review => Done(() => review.SetTimer(member.ParticipantId, command, minutes, Now)));

    /// <summary>Shows a new join code on the big screen, for the rest of the meeting day, or turns joining by code off.</summary>
    public Task SetJoinCodeAsync(ReviewMember member, bool open)
    {
        var wrongEver = joinCodes.WrongEver;
        return ChangeAsync(member, open ? "join-code-made" : "join-code-turned-off", review => Done(() =>
            review.SetJoinCode(member.ParticipantId, open ? NewJoinCode() : null, MeetingDay.EndOf(Now), wrongEver)));
    }

    /// <summary>Someone who typed a code asks to join; null when the code shows on no review (which is all they learn).</summary>
    public async Task<ReviewMember?> AskToJoinAsync(string? code, string? name, string? relationship)
    {
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != JoinCodeLength || store.FindReviewIdByJoinCode(digits) is not { } reviewId)
        {
            return null;
        }

        var wrongEver = joinCodes.WrongEver;
        var asking = await open.ChangeAsync(reviewId, null, review => review.JoinCodeLets(digits, Now, wrongEver) ? review.AskToJoin(name, relationship, Now) : null, "asked-to-join");
        return asking is null ? null : new ReviewMember(reviewId, asking.Id);
    }

    public Task AdmitAsync(ReviewMember member, string? waitingId, bool letIn) =>
        ChangeAsync(member, letIn ? "let-in" : "turned-away", review => review.Admit(member.ParticipantId, waitingId, letIn, Now));

    public Task SetDetailsAsync(ReviewMember member, string? place, DateOnly? nextReview, DateOnly? date = null, TimeOnly? startsAt = null) =>
        ChangeAsync(member, "details-set", review => Done(() => review.SetDetails(member.ParticipantId, place, nextReview, date, startsAt)));

    public Task AddApologyAsync(ReviewMember member, string? name, string? relationship, string? contribution) =>
        ChangeAsync(member, "apology-added", review => review.AddApology(member.ParticipantId, name, relationship, contribution));

    public Task RemoveApologyAsync(ReviewMember member, string? apologyId) =>
        ChangeAsync(member, "apology-removed", review => Done(() => review.RemoveApology(member.ParticipantId, apologyId)));

    /// <summary>Ends the meeting: the board turns read-only for the facilitators and the person, and everyone else's pages lose it at once.</summary>
    public Task CloseAsync(ReviewMember member) =>
        ChangeAsync(member, "review-closed", review => Done(() => review.Close(member.ParticipantId, Now)));

    public Task ReopenAsync(ReviewMember member) =>
        ChangeAsync(member, "review-reopened", review => Done(() => review.Reopen(member.ParticipantId)));

    public Task SignOffAsync(ReviewMember member, bool agrees, string? reason) =>
        ChangeAsync(member, agrees ? "minutes-agreed" : "minutes-disagreed", review => review.SignOffMinutes(member.ParticipantId, agrees, reason, Now));

    public Task ShareMinutesAsync(ReviewMember member, IReadOnlyCollection<string>? readerIds) =>
        ChangeAsync(member, "minutes-shared", review => Done(() => review.ShareMinutes(member.ParticipantId, readerIds ?? [])));

    /// <summary>Takes someone out of the review; their open pages lose access at once.</summary>
    public Task RemoveParticipantAsync(ReviewMember member, string? participantId) =>
        ChangeAsync(member, "participant-removed", review => review.Remove(member.ParticipantId, participantId));

    public Task<CardView> SetKeptOutOfMinutesAsync(ReviewMember member, string? cardId, bool keptOut) =>
        ChangeAsync(member, keptOut ? "card-kept-out-of-minutes" : "card-put-back-in-minutes", review => CardView.Of(review, review.SetKeptOutOfMinutes(member.ParticipantId, cardId, keptOut)));

    /// <summary>Keeps the addresses the final minutes go to, and counts a sending; returns those to send them to.</summary>
    public Task<IReadOnlyList<MinutesRecipient>> AddressMinutesAsync(ReviewMember member, IReadOnlyCollection<MinutesAddress>? addresses) =>
        ChangeAsync<IReadOnlyList<MinutesRecipient>>(member, "minutes-addressed",
            review => [.. review.AddressMinutes(member.ParticipantId, addresses ?? []).Select(p => MinutesRecipient.Of(review, p))]);

    private Task<T> ChangeAsync<T>(ReviewMember member, string action, Func<Review, T> change) =>
        member.OnlyReads
            ? throw new ReviewRuleException(ReviewError.ScreenOnlyShows)
            : open.ChangeAsync(member.ReviewId, member.ParticipantId, change, action);

    private static bool Done(Action change)
    {
        change();
        return true;
    }

    private static string Checked(string? operationId) =>
        string.IsNullOrWhiteSpace(operationId) || operationId.Length > OperationIdLength ? throw Malformed() : operationId;

    private static CardDraft Checked(CardDraft? draft) => draft ?? throw Malformed();

    private static ReviewRuleException Malformed() => new(ReviewError.RequestMalformed);

    private string NewJoinCode()
    {
        while (true)
        {
            var code = System.Security.Cryptography.RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (store.FindReviewIdByJoinCode(code) is null)
            {
                return code;
            }
        }
    }
}

public sealed record NewReview(string? PersonName, string? Title, DateOnly? Date, string? TemplateId, string? PersonReference = null, Language? Language = null);

/// <summary>The words a new review is made with, in the facilitator's language.</summary>
public sealed record NewReviewWords(string FacilitatorRelationship, string PersonsRelationship, Words LastTimeHeading, Words LastTimePrompt);

/// <summary>Someone's link, made again: its secret, and which of their links it is.</summary>
public sealed record ReissuedLink(string Token, string ParticipantId, string Name, int LinkNumber, DateTimeOffset? ExpiresAt, bool ReviewClosed);

public sealed record FollowUpInvitee(string ParticipantId, string Name, string Relationship);

/// <summary>What a review passes on to the next one for the same person.</summary>
public sealed record FollowUp(
    string PersonId, string PersonName, string? PersonReference, string Title, string TemplateId, DateOnly? NextReviewDate,
    IReadOnlyList<FollowUpInvitee> Suggested, IReadOnlyList<(string Name, string Relationship, Role Role)> Invitees, IReadOnlyList<ActionItem> Unfinished,
    Language Language);

public enum LobbyState
{
    Waiting,
    LetIn,
    TurnedAway,
}

public sealed record ReviewSummary(string Id, string PersonId, string PersonName, string? PersonReference, string Title, DateOnly Date, bool IsClosed)
{
    public static ReviewSummary Of(ReviewRecord review) => new(review.Id, review.PersonId, review.PersonName, review.PersonReference, review.Title, review.Date, review.ClosedAt is not null);
}

public sealed record OverdueAction(ReviewSummary Review, string What, string Owner, DateOnly Due, string DueInWords);

public sealed record InvitationView(ReviewMember Invitee, string PersonName, string Title, string Name, string Relationship, Role Role, bool ReviewClosed, Language Language,
    DateOnly Date, TimeOnly? StartsAt, int LinkNumber, DateTimeOffset? ExpiresAt);
