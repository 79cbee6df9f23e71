namespace ReviewRoom.Domain;

public enum Role
{
    Facilitator,

    /// <summary>The person whose review it is: a contributor who also decides who is there and what is recorded.</summary>
    Person,

    Contributor,

    /// <summary>A big screen for the room: shows the review it was opened for, changes nothing, and is nobody in "Here now".</summary>
    Screen,
}
