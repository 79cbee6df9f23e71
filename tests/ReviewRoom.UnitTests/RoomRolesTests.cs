using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.UnitTests;

/// <summary>The big screen and co-facilitators, as the review aggregate sees them.</summary>
public sealed class RoomRolesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReviewTemplate Template = new("review", "Review", "", [
        new SectionTemplate("like", SectionKind.Cards, "What we like about {person}", "", []),
    ]);

    private readonly Review _review = Review.Create("Sam Jones", "Annual review", new DateOnly(2026, 12, 1), Template, "Fran", "Facilitator", "fran-account", Now);

    private string Fran => _review.Facilitator.Id;

    [Fact]
    public void Screen_ReadsTheReview_ButEveryChangeIsRefused()
    {
        var screen = _review.AddScreen(Fran, "screen-hash", Now);
        var card = _review.AddCard(Fran, new CardDraft("like", "Kind"), "op-1", Now);
        var version = _review.Version;

        Assert.Equal(Role.Screen, _review.Member(screen.Id).Role);
        Assert.All(new Action[]
        {
            () => _review.AddCard(screen.Id, new CardDraft("like", "From the screen"), "op-2", Now),
            () => _review.EditCard(screen.Id, card.Id, new CardDraft("like", "Changed")),
            () => _review.DeleteCard(screen.Id, card.Id),
            () => _review.AddAction(screen.Id, new ActionDraft("like", "x", "y", new DateOnly(2027, 1, 1)), "op-3", Now),
            () => _review.SetKeptOutOfMinutes(screen.Id, card.Id, true),
            () => _review.Remove(screen.Id, Fran),
            () => _review.SetNowDiscussing(screen.Id, "like"),
        }, change => Assert.Equal(ReviewError.ScreenOnlyShows, Assert.Throws<ReviewRuleException>(change).Errors.Single()));
        Assert.Equal(version, _review.Version);
    }

    [Fact]
    public void ScreenLink_WorksUntilTheDayAfterTheReview_AndNotOnceRevoked()
    {
        var screen = _review.AddScreen(Fran, "screen-hash", Now);
        var endOfNextDay = new DateTimeOffset(2026, 12, 1 + Limits.ScreenDaysAfterReview, 0, 0, 0, TimeSpan.Zero);

        Assert.Same(screen, _review.FindInvitation("screen-hash", endOfNextDay.AddSeconds(-1)));
        Assert.Null(_review.FindInvitation("screen-hash", endOfNextDay));

        _review.Remove(Fran, screen.Id);
        Assert.Null(_review.FindInvitation("screen-hash", Now));
        Assert.Null(_review.FindParticipant(screen.Id));
    }

    [Fact]
    public void CoFacilitator_DoesWhatTheFacilitatorDoes_AndOnlyAFacilitatorRemovesThem()
    {
        var lee = _review.AddCoFacilitator(Fran, "lee-account", "Lee", "Co-facilitator", Now);
        var sam = _review.Invite(Fran, "Sam Jones", "whose review it is", Role.Person, "sam-hash", Now);

        _review.SetNowDiscussing(lee.Id, "like");
        Assert.Same(lee, _review.FindByAccount("lee-account"));
        Assert.Equal(ReviewError.FacilitatorCannotBeRemoved, Assert.Throws<ReviewRuleException>(() => _review.Remove(sam.Id, lee.Id)).Errors.Single());
        Assert.Equal(ReviewError.FacilitatorCannotBeRemoved, Assert.Throws<ReviewRuleException>(() => _review.Remove(lee.Id, Fran)).Errors.Single());
        Assert.Equal(ReviewError.AlreadyCoFacilitator, Assert.Throws<ReviewRuleException>(() => _review.AddCoFacilitator(Fran, "lee-account", "Lee", "Co-facilitator", Now)).Errors.Single());

        _review.Remove(Fran, lee.Id);

        Assert.Null(_review.FindByAccount("lee-account"));
        Assert.Equal("like", _review.NowDiscussing);
    }

    [Fact]
    public void Lobby_HoldsAtMostSoMany_AndLettingSomeoneInMakesRoom()
    {
        var waiting = Enumerable.Range(0, Limits.WaitingAtOnce).Select(i => _review.AskToJoin($"Visitor {i}", "friend", Now)).ToList();
        var version = _review.Version;

        Assert.Equal(ReviewError.LobbyFull, Assert.Throws<ReviewRuleException>(() => _review.AskToJoin("One more", "friend", Now)).Errors.Single());
        Assert.Equal(version, _review.Version);

        _review.Admit(Fran, waiting[0].Id, letIn: true, Now);
        Assert.True(_review.AskToJoin("One more", "friend", Now).Waiting);
    }

    [Fact]
    public void ClosedReview_IsReadOnly_UntilReopened_AndSignOffKeepsItClosed()
    {
        var sam = _review.Invite(Fran, "Sam Jones", "whose review it is", Role.Person, "sam-hash", Now);
        var ana = _review.Invite(Fran, "Ana Jones", "sister", Role.Contributor, "ana-hash", Now);
        _review.Close(Fran, Now);
        var version = _review.Version;

        Assert.Null(_review.JoinCode);
        Assert.Equal(ReviewError.ReviewClosed, Assert.Throws<ReviewRuleException>(() => _review.AddCard(sam.Id, new CardDraft("like", "Late"), "op-1", Now)).Errors.Single());
        Assert.Equal(ReviewError.ReviewClosed, Assert.Throws<ReviewRuleException>(() => _review.SetNowDiscussing(Fran, "like")).Errors.Single());
        Assert.Equal(version, _review.Version);
        Assert.Null(_review.FindInRoom(ana.Id));
        Assert.Same(sam, _review.FindInRoom(sam.Id));

        _review.Reopen(Fran);
        _review.AddCard(ana.Id, new CardDraft("like", "On time after all"), "op-2", Now);
        _review.Close(Fran, Now);
        Assert.Equal(ReviewError.PersonOnly, Assert.Throws<ReviewRuleException>(() => _review.SignOffMinutes(Fran, true, null, Now)).Errors.Single());
        Assert.Equal(ReviewError.ReasonMissing, Assert.Throws<ReviewRuleException>(() => _review.SignOffMinutes(sam.Id, false, "  ", Now)).Errors.Single());
        var signOff = _review.SignOffMinutes(sam.Id, false, "My words about college were left out.", Now);

        Assert.Equal((false, "My words about college were left out."), (signOff.Agrees, signOff.Reason));
        Assert.Equal(ReviewError.MinutesSignedOff, Assert.Throws<ReviewRuleException>(() => _review.Reopen(Fran)).Errors.Single());
    }

    [Fact]
    public void Minutes_AreReadByContributorsOnlyOnceClosed_AndOnlyIfShared()
    {
        var sam = _review.Invite(Fran, "Sam Jones", "whose review it is", Role.Person, "sam-hash", Now);
        var ana = _review.Invite(Fran, "Ana Jones", "sister", Role.Contributor, "ana-hash", Now);
        var raj = _review.Invite(Fran, "Raj Patel", "support worker", Role.Contributor, "raj-hash", Now);
        _review.ShareMinutes(sam.Id, [ana.Id]);

        Assert.True(_review.MayReadMinutes(sam.Id) && _review.MayReadMinutes(Fran));
        Assert.False(_review.MayReadMinutes(ana.Id));
        _review.Close(Fran, Now);
        Assert.True(_review.MayReadMinutes(ana.Id));
        Assert.False(_review.MayReadMinutes(raj.Id));
        Assert.Equal(ReviewError.FacilitatorOrPersonOnly, Assert.Throws<ReviewRuleException>(() => _review.ShareMinutes(ana.Id, [ana.Id, raj.Id])).Errors.Single());
        Assert.Equal(ReviewError.ParticipantNotFound, Assert.Throws<ReviewRuleException>(() => _review.ShareMinutes(sam.Id, [Fran])).Errors.Single());
    }
}
