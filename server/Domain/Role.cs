namespace ReviewRoom.Domain;

public enum Role
{
    Facilitator,

    /// <summary>The person whose review it is: a contributor who also decides who is there and what is recorded.</summary>
    Person,

    Contributor,
}
