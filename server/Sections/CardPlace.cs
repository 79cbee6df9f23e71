namespace ReviewRoom.Sections;

/// <summary>
/// Where a card sits in its section, as one form value: "working|Family" or "not-working|Family" in a grid,
/// "" in a section that is one list.
/// </summary>
public static class CardPlace
{
    public static string Value(string? perspective, bool? working) =>
        perspective is null ? "" : $"{working switch { true => "working", false => "not-working", null => "" }}|{perspective}";

    public static (string? Perspective, bool? Working) Parse(string? value) =>
        value?.Split('|', 2) is [var column and ("working" or "not-working" or ""), var perspective]
            ? (perspective, column.Length == 0 ? null : column == "working")
            : (null, null);
}
