using ReviewRoom.Sections;

namespace ReviewRoom.Domain;

/// <summary>
/// The aggregate: one meeting about one person. Every change goes through a method here that
/// checks the caller's place in the review and the rules, and moves the version on by one.
/// </summary>
public sealed class Review
{
    private readonly ReviewRecord _record;
    private readonly List<Participant> _participants;
    private readonly List<Card> _cards;
    private readonly List<ActionItem> _actions;
    private readonly Dictionary<string, SectionState> _states;
    private readonly HashSet<Participant> _touchedParticipants = [];
    private readonly HashSet<Card> _touchedCards = [];
    private readonly HashSet<ActionItem> _touchedActions = [];
    private readonly HashSet<SectionState> _touchedSections = [];
    private bool _boardTouched;
    private Edit? _edit;
    private int _textOnBoard;

    private Review(ReviewRecord record, List<Participant> participants, List<Card> cards, List<ActionItem> actions)
    {
        participants.Sort((a, b) => a.Number.CompareTo(b.Number));
        cards.Sort((a, b) => a.Number.CompareTo(b.Number));
        actions.Sort((a, b) => a.Number.CompareTo(b.Number));
        _record = record;
        _participants = participants;
        _cards = cards;
        _actions = actions;
        _states = record.States.ToDictionary(s => s.SectionId);
        _textOnBoard = cards.Where(c => !c.Deleted).Sum(c => c.Length);
    }

    public string Id => _record.Id;
    public string PersonName => _record.PersonName;
    public string Title => _record.Title;
    public Language Language => _record.Language;
    public TimeOnly? StartsAt => _record.StartsAt;
    public DateOnly Date => _record.Date;
    public string TemplateId => _record.TemplateId;
    public DateTimeOffset CreatedAt => _record.CreatedAt;
    public long Version => _record.Version;

    /// <summary>The section the facilitator has the room looking at, if any.</summary>
    public string? NowDiscussing => _record.NowDiscussing;

    /// <summary>The facilitator's timer, if one is set.</summary>
    public MeetingTimer? Timer => _record.Timer;

    public IReadOnlyList<Section> Sections => _record.Sections;
    public IReadOnlyList<Participant> Participants => _participants;

    /// <summary>Every card ever added, deleted ones too (they can be restored).</summary>
    public IReadOnlyList<Card> Cards => _cards;

    public IReadOnlyList<ActionItem> Actions => _actions;

    /// <summary>The facilitator who made the review and runs it; any co-facilitators come after.</summary>
    public Participant Facilitator => _participants.First(p => p.Role == Role.Facilitator);

    /// <summary>A new review from what the facilitator entered; every mistake in it is reported at once.</summary>
    /// <param name="personId">The person's record, when this review follows an earlier one of theirs; a new record otherwise.</param>
    /// <param name="personReference">The person's reference in the organisation's own case system, if any.</param>
    public static Review Create(string? personName, string? title, DateOnly? date, ReviewTemplate? template, string? facilitatorName, string facilitatorRelationship, string? facilitatorAccountId, DateTimeOffset now,
        string? personId = null, string? personReference = null, Language language = Language.English)
    {
        var check = new RuleCheck();
        var person = check.Line(personName, Limits.PersonNameLength, ReviewError.PersonNameMissing, ReviewError.PersonNameTooLong);
        var reference = check.OptionalLine(personReference, Limits.ReferenceLength, ReviewError.ReferenceTooLong);
        var cleanTitle = check.Line(title, Limits.TitleLength, ReviewError.TitleMissing, ReviewError.TitleTooLong);
        check.Require(date is not null, ReviewError.DateMissing);
        check.Require(template is not null, ReviewError.TemplateMissing);
        var name = check.Line(facilitatorName, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        check.ThrowIfBroken();

        List<Section> sections = [.. template!.Sections.Select(s => new Section(s.Id, s.Kind, ForPerson(s.Heading, person), ForPerson(s.Prompt, person), [.. s.Options.Select(o => ForPerson(o, person))]))];
        var record = new ReviewRecord
        {
            Id = NewId(),
            PersonId = personId ?? NewId(),
            PersonReference = reference,
            PersonName = person,
            Title = cleanTitle,
            Language = language,
            Date = date!.Value,
            TemplateId = template.Id,
            CreatedAt = now,
            Version = 1,
            Sections = sections,
            States = [.. sections.Select(s => new SectionState { SectionId = s.Id })],
        };
        var facilitator = new Participant(NewId(), name, facilitatorRelationship, Role.Facilitator, null, now) { JoinedAt = now, AccountId = facilitatorAccountId };
        facilitator.Number = 1;
        var review = new Review(record, [facilitator], [], []);
        review.Touch(facilitator);
        review._boardTouched = true;
        return review;
    }

    /// <summary>Rebuilds a review from its saved state; only storage calls this.</summary>
    public static Review Restore(ReviewState state) => new(state.Record, [.. state.Participants], [.. state.Cards], [.. state.Actions]);

    /// <summary>The whole review as one state, for saving it whole or comparing it.</summary>
    public ReviewState Export() => new(_record, _participants, _cards, _actions);

    /// <summary>What the changes since the last call touched, to save and to tell the room; the record always comes with them.</summary>
    public ReviewChange TakeChanges()
    {
        var change = new ReviewChange(
            new ReviewState(_record, [.. _touchedParticipants], [.. _touchedCards], [.. _touchedActions]),
            _boardTouched,
            [.. _touchedSections],
            _edit);
        _touchedParticipants.Clear();
        _touchedCards.Clear();
        _touchedActions.Clear();
        _touchedSections.Clear();
        _boardTouched = false;
        _edit = null;
        return change;
    }

    /// <summary>Which person's record the review belongs to: their reviews, in order, share it.</summary>
    public string PersonId => _record.PersonId;

    public string? PersonReference => _record.PersonReference;

    /// <summary>Where the meeting happens, if the facilitator has said.</summary>
    public string? Place => _record.Place;

    public DateOnly? NextReviewDate => _record.NextReviewDate;

    /// <summary>Those who could not come, with any written contribution they sent.</summary>
    public IReadOnlyList<Apology> Apologies => _record.Apologies;

    /// <summary>When the facilitator closed the review: from then on the board is read-only and the minutes are final.</summary>
    public DateTimeOffset? ClosedAt => _record.ClosedAt;

    public bool IsClosed => ClosedAt is not null;

    /// <summary>What the person said of the minutes, once they have; after that the review stays closed.</summary>
    public SignOff? SignOff => _record.SignOff;

    /// <summary>
    /// Who may still be in the room: anyone in the review while it is open; once it is closed, only
    /// the facilitators and the person, on a read-only board.
    /// </summary>
    public Participant? FindInRoom(string? participantId) =>
        FindParticipant(participantId) is { } participant && (!IsClosed || participant.Role is Role.Facilitator or Role.Person) ? participant : null;

    /// <summary>
    /// The facilitators and the person may always read the minutes; a contributor only once the
    /// review is closed, and only if the person (or the facilitator for them) shared them.
    /// </summary>
    public bool MayReadMinutes(string? participantId) => FindParticipant(participantId) switch
    {
        { Role: Role.Facilitator or Role.Person } => true,
        { Role: Role.Contributor, MayReadMinutes: true } => IsClosed,
        _ => false,
    };

    /// <summary>Someone still in the review; null for anyone removed or never in it.</summary>
    public Participant? FindParticipant(string? participantId) => _participants.Find(p => p.Id == participantId && !p.Removed && !p.Waiting);

    /// <summary>Someone in the lobby, or null once they are let in, turned away, or never there.</summary>
    public Participant? FindWaiting(string? participantId) => _participants.Find(p => p.Id == participantId && p.Waiting && !p.Removed);

    /// <summary>The six digits on the big screen that let people ask to join; null when the facilitator has turned them off.</summary>
    public string? JoinCode => _record.JoinCode;

    /// <summary>Who wrote something, even if they have since been removed.</summary>
    public Participant Author(string participantId) => _participants.First(p => p.Id == participantId);

    public Participant? FindByAccount(string accountId) => _participants.Find(p => p.AccountId == accountId && !p.Removed);

    /// <summary>The invitee whose link this is, while the link still works.</summary>
    public Participant? FindInvitation(string tokenHash, DateTimeOffset now) =>
        _participants.Find(p => p.InvitationTokenHash is not null && p.InvitationTokenHash == tokenHash && !p.Removed && !(p.ExpiresAt <= now));

    public Participant Member(string participantId) =>
        FindParticipant(participantId) ?? throw new ReviewRuleException(ReviewError.NotAMember);

    /// <summary>A member changing what is on the board: never a big screen, which only shows it, and never once the review is closed.</summary>
    private Participant Actor(string participantId)
    {
        var actor = Member(participantId);
        if (actor.Role == Role.Screen)
        {
            throw new ReviewRuleException(ReviewError.ScreenOnlyShows);
        }

        return IsClosed ? throw new ReviewRuleException(ReviewError.ReviewClosed) : actor;
    }

    public SectionState StateOf(string sectionId) => _states[sectionId];

    /// <summary>The cards a participant may see in a section: not deleted, and not someone else's quiet writing.</summary>
    public IEnumerable<Card> CardsIn(string sectionId, string? viewerId) =>
        _cards.Where(c => c.SectionId == sectionId && !c.Deleted && (!c.Quiet || viewerId is null || c.AuthorId == viewerId));

    public IEnumerable<ActionItem> ActionsIn(string sectionId) =>
        _actions.Where(a => a.SectionId == sectionId && !a.Deleted).OrderBy(a => a.Due).ThenBy(a => a.AddedAt);

    /// <summary>Adds a card, or returns the card this operation already added (a retried send).</summary>
    public Card AddCard(string participantId, CardDraft draft, string operationId, DateTimeOffset now)
    {
        var author = Actor(participantId);
        if (_cards.Find(c => c.OperationId == operationId && c.AuthorId == author.Id) is { } already)
        {
            return already;
        }

        var card = new Card(NewId(), author.Id, operationId, now) { SentBeforeMeeting = IsBeforeMeeting(now) };
        Fill(card, author, draft);
        RequireRoomFor(card.Length, ever: true);
        card.Number = _cards.Count + 1;
        _cards.Add(card);
        _textOnBoard += card.Length;
        return Changed(card);
    }

    public Card EditCard(string participantId, string? cardId, CardDraft draft)
    {
        var (editor, card) = CardFor(participantId, cardId);
        var (before, lengthBefore) = (card.AllWords, card.Length);
        Fill(card, editor, draft with { SectionId = card.SectionId, Perspective = draft.Perspective ?? card.Cell?.Perspective, Working = draft.Working ?? card.Cell?.Working, Answers = draft.Answers ?? card.Answers },
            textLimit: Limits.TextOnBoard - _textOnBoard + lengthBefore);
        _textOnBoard += card.Length - lengthBefore;
        if (editor.Id != card.AuthorId && card.AllWords != before)
        {
            card.EditedBy = editor.Id;
        }

        _edit = new Edit(card.Id, before, card.AllWords);
        return Changed(card);
    }

    /// <summary>Moves a card to another section (and cell, for a grid); its words stay as they were.</summary>
    public Card MoveCard(string participantId, string? cardId, string? sectionId, string? perspective, bool? working)
    {
        var (mover, card) = CardFor(participantId, cardId);
        var before = WhereItSits(card);
        Fill(card, mover, new CardDraft(sectionId, card.Text, perspective, working, card.SaidBy, card.FindOutBy, card.Answers));
        _edit = new Edit(card.Id, before, WhereItSits(card));
        return Changed(card);
    }

    public Card DeleteCard(string participantId, string? cardId) => SetDeleted(participantId, cardId, true);

    public Card RestoreCard(string participantId, string? cardId) => SetDeleted(participantId, cardId, false);

    public ActionItem AddAction(string participantId, ActionDraft draft, string operationId, DateTimeOffset now)
    {
        var author = Actor(participantId);
        if (_actions.Find(a => a.OperationId == operationId && a.AuthorId == author.Id) is { } already)
        {
            return already;
        }

        var check = new RuleCheck();
        var section = FindSection(draft.SectionId);
        check.Require(section is not null, ReviewError.SectionNotFound);
        check.Require(section is null || section.Kind.TakesActions, ReviewError.SectionTakesNoActions);
        check.Require(_actions.Count(a => !a.Deleted) < Limits.Actions, ReviewError.ActionsFull);
        check.Require(section is null || !_states[section.Id].Locked || author.Role == Role.Facilitator, ReviewError.SectionLocked);
        var what = check.Text(draft.What, Limits.ActionLength, ReviewError.ActionWhatMissing, ReviewError.ActionWhatTooLong);
        var owner = check.Line(draft.Owner, Limits.NameLength, ReviewError.ActionOwnerMissing, ReviewError.ActionOwnerTooLong);
        check.Require(draft.Due is not null, ReviewError.ActionDueMissing);
        check.ThrowIfBroken();

        var action = new ActionItem(NewId(), section!.Id, author.Id, operationId, now) { What = what, Owner = owner, Due = draft.Due!.Value };
        action.Number = _actions.Count + 1;
        _actions.Add(action);
        return Changed(action);
    }

    public ActionItem SetActionStatus(string participantId, string? actionId, ActionStatus status)
    {
        var member = Actor(participantId);
        var action = _actions.Find(a => a.Id == actionId && !a.Deleted) ?? throw new ReviewRuleException(ReviewError.ActionNotFound);
        RequireAuthorOrFacilitator(member, action.AuthorId);
        if (!Enum.IsDefined(status))
        {
            throw new ReviewRuleException(ReviewError.RequestMalformed);
        }

        _edit = new Edit(action.Id, action.Status.ToString(), status.ToString());
        action.Status = status;
        return Changed(action);
    }

    /// <summary>The section that opens a follow-up review with last time's unfinished actions.</summary>
    public const string LastTimeSectionId = "last-time";

    /// <summary>Opens the review with last time's unfinished actions, each to be marked done, partly done, not done or dropped.</summary>
    public void CarryOver(string participantId, Words heading, Words prompt, IEnumerable<ActionItem> unfinished, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        var section = new Section(LastTimeSectionId, SectionKind.Actions, heading, prompt, []);
        var state = new SectionState { SectionId = section.Id };
        _record.Sections = [section, .. _record.Sections];
        _record.States = [state, .. _record.States];
        _states[section.Id] = state;
        foreach (var action in unfinished.Take(Limits.Actions))
        {
            var carried = new ActionItem(NewId(), section.Id, participantId, NewId(), now)
            {
                What = action.What, Owner = action.Owner, Due = action.Due, CarriedOver = true,
            };
            carried.Number = _actions.Count + 1;
            _actions.Add(carried);
            Touch(carried);
        }

        _boardTouched = true;
        Changed(state);
    }

    /// <summary>Says how an action went, in a few words: most of all for those brought from last time.</summary>
    public ActionItem SetActionNote(string participantId, string? actionId, string? note)
    {
        var member = Actor(participantId);
        var action = _actions.Find(a => a.Id == actionId && !a.Deleted) ?? throw new ReviewRuleException(ReviewError.ActionNotFound);
        RequireAuthorOrFacilitator(member, action.AuthorId);
        var check = new RuleCheck();
        var clean = string.IsNullOrWhiteSpace(note) ? null : check.Text(note, Limits.ActionLength, ReviewError.CardEmpty, ReviewError.NoteTooLong);
        check.ThrowIfBroken();
        _edit = new Edit(action.Id, action.Note, clean);
        action.Note = clean;
        return Changed(action);
    }

    /// <summary>Records the statement the group picked for one area of a self-assessment, and who agreed.</summary>
    public SectionState Choose(string participantId, string? sectionId, int statement, string? agreedBy)
    {
        RequireFacilitator(participantId);
        var section = FindSection(sectionId) is { Kind.TakesAChoice: true } choice ? choice : throw new ReviewRuleException(ReviewError.SectionNotFound);
        var check = new RuleCheck();
        check.Require(statement >= 0 && statement < section.Options.Count, ReviewError.StatementNotFound);
        var agreed = check.OptionalLine(agreedBy, Limits.CardLength, ReviewError.AgreedByTooLong);
        check.ThrowIfBroken();

        var state = _states[section.Id];
        (state.Chosen, state.AgreedBy) = (statement, agreed);
        return Changed(state);
    }

    /// <summary>The facilitator starts the timer for so many minutes, pauses it, carries it on, adds a minute, or stops it.</summary>
    public void SetTimer(string participantId, TimerCommand command, int? minutes, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        var timer = _record.Timer;
        _record.Timer = command switch
        {
            TimerCommand.Start when minutes is >= 1 and <= MeetingTimer.MostMinutes => MeetingTimer.For(minutes.Value, now),
            TimerCommand.Start => throw new ReviewRuleException(ReviewError.TimerMinutes),
            TimerCommand.Pause => timer?.Paused(now),
            TimerCommand.CarryOn => timer?.CarriedOn(now),
            TimerCommand.AddMinute => timer?.AMinuteMore(now),
            _ => null,
        };
        ChangedBoard();
    }

    public void SetNowDiscussing(string participantId, string? sectionId)
    {
        RequireFacilitator(participantId);
        if (sectionId is not null && !_states.ContainsKey(sectionId))
        {
            throw new ReviewRuleException(ReviewError.SectionNotFound);
        }

        _record.NowDiscussing = sectionId;
        ChangedBoard();
    }

    public void SetLocked(string participantId, string? sectionId, bool locked)
    {
        RequireFacilitator(participantId);
        var state = State(sectionId);
        state.Locked = locked;
        Changed(state);
    }

    /// <summary>Opens or closes quiet writing; closing it reveals every card written meanwhile.</summary>
    public void SetQuietWriting(string participantId, string? sectionId, bool quiet)
    {
        RequireFacilitator(participantId);
        var state = State(sectionId);
        state.QuietWriting = quiet;
        if (!quiet)
        {
            foreach (var card in _cards.Where(c => c.SectionId == sectionId && c.Quiet))
            {
                card.Quiet = false;
                Touch(card);
            }
        }

        Changed(state);
    }

    /// <summary>Invites someone by a link of their own, as the person or as a contributor.</summary>
    public Participant Invite(string participantId, string? name, string? relationship, Role role, string invitationTokenHash, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        var cleanRelationship = check.Line(relationship, Limits.RelationshipLength, ReviewError.RelationshipMissing, ReviewError.RelationshipTooLong);
        check.Require(role is Role.Person or Role.Contributor, ReviewError.RequestMalformed);
        check.Require(role != Role.Person || !_participants.Exists(p => p.Role == Role.Person && !p.Removed), ReviewError.PersonAlreadyInvited);
        RequireRoomForSomeone(check);
        check.ThrowIfBroken();

        // The person's own link keeps working, so they can always read their minutes; everyone else's ends some days after the review.
        DateTimeOffset? expires = role == Role.Person ? null : new DateTimeOffset(Date.AddDays(Limits.InvitationDaysAfterReview).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var invitee = new Participant(NewId(), cleanName, cleanRelationship, role, invitationTokenHash, now, expires);
        invitee.Number = _participants.Count + 1;
        _participants.Add(invitee);
        return Changed(invitee);
    }

    /// <summary>
    /// Where and when the meeting is, and the next review's date. Moving the meeting (health that comes
    /// and goes often means it is rearranged) keeps every link working; those who open one see the new date.
    /// </summary>
    /// <param name="date">The meeting's new date; null keeps the one it has.</param>
    /// <param name="startsAt">The time it starts, or null for none given.</param>
    public void SetDetails(string participantId, string? place, DateOnly? nextReview, DateOnly? date = null, TimeOnly? startsAt = null)
    {
        RequireFacilitator(participantId);
        var check = new RuleCheck();
        var cleanPlace = check.OptionalLine(place, Limits.PlaceLength, ReviewError.PlaceTooLong);
        var meeting = date ?? Date;
        check.Require(nextReview is null || nextReview > meeting, ReviewError.NextReviewTooEarly);
        check.ThrowIfBroken();
        var before = Details();
        (_record.Place, _record.NextReviewDate, _record.Date, _record.StartsAt) = (cleanPlace, nextReview, meeting, startsAt);
        _edit = new Edit(Id, before, Details());
        ChangedBoard();
    }

    // The meeting's date and time are the server's local time; before it was given a time, the meeting began with its day.
    private bool IsBeforeMeeting(DateTimeOffset now) => now.ToLocalTime().DateTime < Date.ToDateTime(StartsAt ?? TimeOnly.MinValue);

    /// <summary>Records someone who sent apologies, with what they sent in writing, if anything.</summary>
    public Apology AddApology(string participantId, string? name, string? relationship, string? contribution)
    {
        RequireFacilitator(participantId);
        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        var cleanRelationship = check.Line(relationship, Limits.RelationshipLength, ReviewError.RelationshipMissing, ReviewError.RelationshipTooLong);
        var written = string.IsNullOrWhiteSpace(contribution) ? null : check.Text(contribution, Limits.CardLength, ReviewError.CardEmpty, ReviewError.ContributionTooLong);
        check.Require(_record.Apologies.Count < Limits.Apologies, ReviewError.ApologiesFull);
        check.ThrowIfBroken();

        var apology = new Apology(NewId(), cleanName, cleanRelationship, written);
        _record.Apologies = [.. _record.Apologies, apology];
        ChangedBoard();
        return apology;
    }

    public void RemoveApology(string participantId, string? apologyId)
    {
        RequireFacilitator(participantId);
        if (!_record.Apologies.Any(a => a.Id == apologyId))
        {
            throw new ReviewRuleException(ReviewError.ApologyNotFound);
        }

        _record.Apologies = [.. _record.Apologies.Where(a => a.Id != apologyId)];
        ChangedBoard();
    }

    /// <summary>The facilitator ends the meeting: the board becomes read-only, joining by code stops, and the minutes are final.</summary>
    public void Close(string participantId, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        (_record.ClosedAt, _record.JoinCode) = (now, null);
        ChangedBoard();
    }

    /// <summary>Undoes closing, for a slip, until the person has signed the minutes off.</summary>
    public void Reopen(string participantId)
    {
        if (Member(participantId).Role != Role.Facilitator)
        {
            throw new ReviewRuleException(ReviewError.FacilitatorOnly);
        }

        var check = new RuleCheck();
        check.Require(IsClosed, ReviewError.ReviewNotClosed);
        check.Require(SignOff is null, ReviewError.MinutesSignedOff);
        check.ThrowIfBroken();
        _record.ClosedAt = null;
        ChangedBoard();
    }

    /// <summary>The person says whether they agree with the minutes; if not, why. It is dated and printed at the end of the minutes.</summary>
    public SignOff SignOffMinutes(string participantId, bool agrees, string? reason, DateTimeOffset now)
    {
        if (Member(participantId).Role != Role.Person)
        {
            throw new ReviewRuleException(ReviewError.PersonOnly);
        }

        var check = new RuleCheck();
        check.Require(IsClosed, ReviewError.ReviewNotClosed);
        var because = agrees ? null : check.Text(reason, Limits.CardLength, ReviewError.ReasonMissing, ReviewError.ReasonTooLong);
        check.ThrowIfBroken();
        _record.SignOff = new SignOff(agrees, because, now);
        ChangedBoard();
        return _record.SignOff;
    }

    /// <summary>The person (or the facilitator for them) chooses which contributors may read the minutes once the review is closed.</summary>
    public void ShareMinutes(string participantId, IReadOnlyCollection<string> readerIds)
    {
        FacilitatorOrPerson(participantId);
        var contributors = _participants.Where(p => p.Role == Role.Contributor && !p.Removed && !p.Waiting).ToList();
        if (readerIds.Any(id => !contributors.Exists(c => c.Id == id)))
        {
            throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        }

        foreach (var contributor in contributors.Where(c => c.MayReadMinutes != readerIds.Contains(c.Id)))
        {
            contributor.MayReadMinutes = !contributor.MayReadMinutes;
            Touch(contributor);
        }

        Changed();
    }

    /// <summary>Who may be sent the minutes by e-mail: the person, and those the person chose to read them.</summary>
    public IEnumerable<Participant> MinutesRecipients =>
        _participants.Where(p => !p.Removed && !p.Waiting && (p.Role == Role.Person || p is { Role: Role.Contributor, MayReadMinutes: true }));

    /// <summary>
    /// Keeps where each of the people the person chose is sent the final minutes, and counts a sending;
    /// returns those with an address. Nobody else can be given one.
    /// </summary>
    public IReadOnlyList<Participant> AddressMinutes(string participantId, IReadOnlyCollection<MinutesAddress> addresses)
    {
        FacilitatorOrPerson(participantId);
        var recipients = MinutesRecipients.ToList();
        if (addresses.Any(a => !recipients.Exists(r => r.Id == a.ParticipantId)) || addresses.DistinctBy(a => a.ParticipantId).Count() != addresses.Count)
        {
            throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        }

        var check = new RuleCheck();
        check.Require(IsClosed, ReviewError.ReviewNotClosed);
        check.Require(_record.MinutesEmailed < Limits.MinutesEmailed, ReviewError.MinutesEmailedEnough);
        var cleaned = addresses.Select(a => (a.ParticipantId, Email: (a.Email ?? "").Trim(), a.Language)).ToList();
        check.Require(cleaned.All(a => a.Email.Length == 0 || EmailAddress.IsValid(a.Email)), ReviewError.EmailInvalid);
        check.Require(cleaned.Any(a => a.Email.Length > 0), ReviewError.EmailNoneGiven);
        check.ThrowIfBroken();

        foreach (var (id, email, language) in cleaned)
        {
            var recipient = recipients.Find(r => r.Id == id)!;
            recipient.Email = email.Length == 0 ? null : email;
            recipient.EmailLanguage = language;
            Touch(recipient);
        }

        _record.MinutesEmailed++;
        Changed();
        return [.. recipients.Where(r => r.Email is not null)];
    }

    /// <summary>Another facilitator's account helps run this review: they see it and may do all a facilitator does.</summary>
    public Participant AddCoFacilitator(string participantId, string accountId, string? name, string relationship, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        check.Require(FindByAccount(accountId) is null, ReviewError.AlreadyCoFacilitator);
        RequireRoomForSomeone(check);
        check.ThrowIfBroken();

        var coFacilitator = new Participant(NewId(), cleanName, relationship, Role.Facilitator, null, now) { AccountId = accountId };
        coFacilitator.Number = _participants.Count + 1;
        _participants.Add(coFacilitator);
        return Changed(coFacilitator);
    }

    /// <summary>A link that lets another device (a TV, a projector's computer) show this review as the big screen, and nothing more.</summary>
    public Participant AddScreen(string participantId, string invitationTokenHash, DateTimeOffset now)
    {
        RequireFacilitator(participantId);
        var check = new RuleCheck();
        RequireRoomForSomeone(check);
        check.ThrowIfBroken();
        var expires = new DateTimeOffset(Date.AddDays(Limits.ScreenDaysAfterReview).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var screen = new Participant(NewId(), "", "", Role.Screen, invitationTokenHash, now, expires);
        screen.Number = _participants.Count + 1;
        _participants.Add(screen);
        return Changed(screen);
    }

    /// <summary>
    /// Shows a new join code on the big screen until <paramref name="until"/> (the end of the meeting
    /// day), or none (null) to stop people joining by code. <paramref name="fromTry"/>: how many wrong
    /// codes had been tried anywhere, so the code wears out once too many more have.
    /// </summary>
    public void SetJoinCode(string participantId, string? code, DateTimeOffset? until = null, long fromTry = 0)
    {
        RequireFacilitator(participantId);
        (_record.JoinCode, _record.JoinCodeUntil, _record.JoinCodeFromTry) = (code, code is null ? null : until, fromTry);
        ChangedBoard();
    }

    /// <summary>The join code to show now: none once its day is over.</summary>
    public string? JoinCodeAt(DateTimeOffset now) => now < _record.JoinCodeUntil ? _record.JoinCode : null;

    /// <summary>Whether these digits let someone ask to join now: the code showing, not past its day, not worn out by guesses made anywhere.</summary>
    public bool JoinCodeLets(string digits, DateTimeOffset now, long wrongTriesEver) =>
        _record.JoinCode == digits && now < _record.JoinCodeUntil && wrongTriesEver - _record.JoinCodeFromTry < Limits.WrongCodesPerCode;

    /// <summary>Someone who typed the room's code asks to come in; they wait until let in.</summary>
    public Participant AskToJoin(string? name, string? relationship, DateTimeOffset now)
    {
        var check = new RuleCheck();
        var cleanName = check.Line(name, Limits.NameLength, ReviewError.NameMissing, ReviewError.NameTooLong);
        var cleanRelationship = check.Line(relationship, Limits.RelationshipLength, ReviewError.RelationshipMissing, ReviewError.RelationshipTooLong);
        check.Require(_participants.Count(p => p.Waiting && !p.Removed) < Limits.WaitingAtOnce, ReviewError.LobbyFull);
        RequireRoomForSomeone(check);
        check.ThrowIfBroken();

        var asking = new Participant(NewId(), cleanName, cleanRelationship, Role.Contributor, null, now) { Waiting = true };
        asking.Number = _participants.Count + 1;
        _participants.Add(asking);
        return Changed(asking);
    }

    /// <summary>The facilitator or the person lets someone in from the lobby, or turns them away.</summary>
    public Participant Admit(string participantId, string? waitingId, bool letIn, DateTimeOffset now)
    {
        Actor(participantId);
        FacilitatorOrPerson(participantId);
        var waiting = FindWaiting(waitingId) ?? throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        waiting.Waiting = false;
        waiting.Removed = !letIn;
        waiting.JoinedAt = letIn ? now : null;
        return Changed(waiting);
    }

    /// <summary>
    /// The facilitator or the person takes someone out of the review, or revokes a link not yet used.
    /// Nobody removes the facilitator who runs it; only a facilitator removes a co-facilitator.
    /// </summary>
    public Participant Remove(string participantId, string? removedId)
    {
        Actor(participantId);
        var remover = FacilitatorOrPerson(participantId);

        var removed = FindParticipant(removedId) ?? throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        if (removed.Role == Role.Facilitator && (removed == Facilitator || remover.Role != Role.Facilitator))
        {
            throw new ReviewRuleException(ReviewError.FacilitatorCannotBeRemoved);
        }

        removed.Removed = true;
        return Changed(removed);
    }

    /// <summary>
    /// A new link for someone whose link may have got out: the old one, and every device that came in
    /// by it, stop working at once. The facilitator may do it for the person or anyone invited, the
    /// person for themselves or anyone invited; after the review is closed too.
    /// </summary>
    public Participant ReissueLink(string participantId, string? inviteeId, string invitationTokenHash)
    {
        var by = FacilitatorOrPerson(participantId);
        var invitee = FindParticipant(inviteeId) is { Role: Role.Person or Role.Contributor } found && (found.Role == Role.Contributor || by.Role == Role.Facilitator || found == by)
            ? found
            : throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        invitee.InvitationTokenHash = invitationTokenHash;
        invitee.LinkNumber++;
        return Changed(invitee);
    }

    /// <summary>
    /// The facilitator takes every card one person has on the board off it at once (after a flood of
    /// them, say). They are deleted like any card, so each can still be restored.
    /// </summary>
    public IReadOnlyList<Card> RemoveCardsBy(string participantId, string? authorId)
    {
        RequireFacilitator(participantId);
        var author = _participants.Find(p => p.Id == authorId) ?? throw new ReviewRuleException(ReviewError.ParticipantNotFound);
        List<Card> removed = [.. _cards.Where(c => c.AuthorId == author.Id && !c.Deleted)];
        foreach (var card in removed)
        {
            card.Deleted = true;
            _textOnBoard -= card.Length;
            Touch(card);
        }

        if (removed.Count > 0)
        {
            Changed();
        }

        return removed;
    }

    /// <summary>The person decides what is recorded: a hidden card stays on the board, marked, and is left out of the minutes.</summary>
    public Card SetKeptOutOfMinutes(string participantId, string? cardId, bool keptOut)
    {
        if (Actor(participantId).Role != Role.Person)
        {
            throw new ReviewRuleException(ReviewError.PersonOnly);
        }

        var card = _cards.Find(c => c.Id == cardId && !c.Deleted && !c.Quiet) ?? throw new ReviewRuleException(ReviewError.CardNotFound);
        card.KeptOutOfMinutes = keptOut;
        return Changed(card);
    }

    /// <summary>Records the first time an invitee comes in; later visits change nothing.</summary>
    public bool Join(string participantId, DateTimeOffset now)
    {
        var participant = Member(participantId);
        // Opening a link after the meeting does not make someone one of those who were there.
        if (participant.JoinedAt is not null || IsClosed)
        {
            return false;
        }

        participant.JoinedAt = now;
        Changed(participant);
        return true;
    }

    private void Fill(Card card, Participant by, CardDraft draft, int textLimit = Limits.TextOnBoard)
    {
        var check = new RuleCheck();
        var section = FindSection(draft.SectionId);
        check.Require(section is not null, ReviewError.SectionNotFound);
        check.Require(section is null || section.Kind.TakesCards, ReviewError.SectionTakesNoCards);
        var moving = section is not null && section.Id != card.SectionId;
        check.Require(section is null || !moving || !_states[section.Id].Locked || by.Role == Role.Facilitator, ReviewError.SectionLocked);
        var text = check.Text(draft.Text, Limits.CardLength, ReviewError.CardEmpty, ReviewError.CardTooLong);
        var asked = section?.Kind.AnswersAfterText(section.Options.Count) ?? 0;
        var given = draft.Answers ?? [];
        check.Require(given.Skip(asked).All(string.IsNullOrWhiteSpace), ReviewError.AnswersNotTaken);
        List<string> answers = [.. Enumerable.Range(0, asked).Select(i => check.OptionalText(i < given.Count ? given[i] : null, Limits.CardLength, ReviewError.CardTooLong))];
        GridCell? cell = null;
        check.Require(section is null || !section.Kind.TakesCards || section.Kind.TryPlace(section, draft.Perspective, draft.Working, out cell), ReviewError.CellMissing);
        var saidBy = check.OptionalLine(draft.SaidBy, Limits.NameLength, ReviewError.SaidByTooLong);
        var findOutBy = check.OptionalLine(draft.FindOutBy, Limits.NameLength, ReviewError.FindOutByTooLong);
        check.Require(text.Length + answers.Sum(a => a.Length) <= textLimit, ReviewError.BoardFull);
        check.ThrowIfBroken();

        if (moving)
        {
            card.Quiet = _states[section!.Id].QuietWriting;
        }

        card.SectionId = section!.Id;
        card.Text = text;
        card.Answers = answers;
        card.Cell = cell;
        card.SaidBy = saidBy;
        card.FindOutBy = section.Kind.AsksWhoFindsOut ? findOutBy : null;
    }

    private (Participant Member, Card Card) CardFor(string participantId, string? cardId)
    {
        var member = Actor(participantId);
        var card = _cards.Find(c => c.Id == cardId && (!c.Quiet || c.AuthorId == member.Id)) ?? throw new ReviewRuleException(ReviewError.CardNotFound);
        RequireAuthorOrFacilitator(member, card.AuthorId);
        return (member, card);
    }

    private Card SetDeleted(string participantId, string? cardId, bool deleted)
    {
        var (_, card) = CardFor(participantId, cardId);
        if (card.Deleted == deleted)
        {
            return card;
        }

        if (!deleted)
        {
            RequireRoomFor(card.Length, ever: false);
        }

        card.Deleted = deleted;
        _textOnBoard += deleted ? -card.Length : card.Length;
        return Changed(card);
    }

    private void RequireRoomFor(int textLength, bool ever)
    {
        var check = new RuleCheck();
        check.Require(_cards.Count(c => !c.Deleted) < Limits.CardsOnBoard && (!ever || _cards.Count < Limits.CardsEver), ReviewError.BoardFull);
        check.Require(_textOnBoard + textLength <= Limits.TextOnBoard, ReviewError.BoardFull);
        check.ThrowIfBroken();
    }

    private void RequireRoomForSomeone(RuleCheck check) =>
        check.Require(_participants.Count(p => !p.Removed) < Limits.Participants && _participants.Count < Limits.ParticipantsEver, ReviewError.ReviewFull);

    public Section? FindSection(string? sectionId) => _record.Sections.FirstOrDefault(s => s.Id == sectionId);

    private void Changed()
    {
        _record.Version++;
    }

    private T Changed<T>(T entity)
    {
        Touch(entity);
        Changed();
        return entity;
    }

    private void ChangedBoard()
    {
        _boardTouched = true;
        Changed();
    }

    private void Touch<T>(T entity)
    {
        switch (entity)
        {
            case Card card:
                _touchedCards.Add(card);
                break;
            case ActionItem action:
                _touchedActions.Add(action);
                break;
            case Participant participant:
                _touchedParticipants.Add(participant);
                break;
            case SectionState state:
                _touchedSections.Add(state);
                break;
            default:
                throw new ArgumentException($"A review does not save a {typeof(T).Name} on its own.", nameof(entity));
        }
    }

    private SectionState State(string? sectionId) =>
        sectionId is not null && _states.TryGetValue(sectionId, out var state) ? state : throw new ReviewRuleException(ReviewError.SectionNotFound);

    private void RequireFacilitator(string participantId)
    {
        if (Actor(participantId).Role != Role.Facilitator)
        {
            throw new ReviewRuleException(ReviewError.FacilitatorOnly);
        }
    }

    private Participant FacilitatorOrPerson(string participantId) =>
        Member(participantId) is { Role: Role.Facilitator or Role.Person } member ? member : throw new ReviewRuleException(ReviewError.FacilitatorOrPersonOnly);

    private static void RequireAuthorOrFacilitator(Participant member, string authorId)
    {
        if (member.Id != authorId && member.Role != Role.Facilitator)
        {
            throw new ReviewRuleException(ReviewError.AuthorOrFacilitatorOnly);
        }
    }

    private static Words ForPerson(Words words, string personName) => words.Map(text => text.Replace("{person}", personName, StringComparison.Ordinal));

    // The meeting's details as one line for the audit trail: date, time, place, next review.
    private string Details() => string.Join(" · ", new[]
    {
        Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Place,
        NextReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    }.Where(part => part is not null));

    // Where a card sits, for the audit trail: its section, and in a grid, the cell.
    private static string WhereItSits(Card card) =>
        card.Cell is { } cell ? $"{card.SectionId} / {cell.Perspective}{cell.Working switch { true => " / working", false => " / not working", null => "" }}" : card.SectionId;

    private static string NewId() => Guid.NewGuid().ToString("N");
}
