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

    /// <summary>How long after the review's date a big-screen link keeps working.</summary>
    public const int ScreenDaysAfterReview = 1;
}
