namespace ReviewRoom.Domain;

/// <summary>The languages ReviewRoom speaks. A review records the one its person chose; each member reads in their own.</summary>
public enum Language
{
    English,
    Welsh,
}
