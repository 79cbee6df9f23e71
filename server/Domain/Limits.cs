namespace ReviewRoom.Domain;

public static class Limits
{
    public const int PersonNameLength = 100;
    public const int TitleLength = 200;
    public const int NameLength = 100;
    public const int RelationshipLength = 60;
    public const int CardLength = 1000;
    public const int ActionLength = 500;
    public const int PlaceLength = 200;
    public const int ReferenceLength = 50;

    /// <summary>How long after the review's date an invitation link keeps working.</summary>
    public const int InvitationDaysAfterReview = 14;

    /// <summary>How many people may wait in the lobby at once, so nobody can flood it with requests.</summary>
    public const int WaitingAtOnce = 20;

    /// <summary>
    /// Wrong join codes tried anywhere while one code shows, after which it stops working (the
    /// facilitator can make another): a guesser's chance of landing on it stays below 1 in 300.
    /// </summary>
    public const int WrongCodesPerCode = 3000;

    /// <summary>How long after the review's date a big-screen link keeps working.</summary>
    public const int ScreenDaysAfterReview = 1;

    // What one review holds at most, so no participant can make a room unusable for the others.
    // A big PATH with a large family comes to about 500 cards.
    public const int CardsOnBoard = 2500;

    /// <summary>Cards ever added, deleted ones too (they can be restored), so adding and deleting cannot grow a review without end.</summary>
    public const int CardsEver = 5000;

    /// <summary>Characters in all the cards on the board together.</summary>
    public const int TextOnBoard = 1_000_000;

    public const int Actions = 300;

    /// <summary>People in the review (the lobby, co-facilitators and screens included); those removed are not counted.</summary>
    public const int Participants = 150;

    /// <summary>Everyone ever invited, let in or turned away, removed people included.</summary>
    public const int ParticipantsEver = 400;

    public const int Apologies = 50;

    /// <summary>Times one review's minutes may be sent by e-mail, so nobody can fill the inboxes of the people the person chose.</summary>
    public const int MinutesEmailed = 10;
}
