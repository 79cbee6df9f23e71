namespace ReviewRoom.Domain;

public enum Role
{
    Facilitator,
    Contributor,
}
