namespace ReviewRoom.Pages.Forms;

/// <summary>A grid cell as one form value: "working|Family" or "not-working|Family".</summary>
public static class GridCellField
{
    public static string Value(string perspective, bool working) => $"{(working ? "working" : "not-working")}|{perspective}";

    public static (string? Perspective, bool? Working) Parse(string? value) =>
        value?.Split('|', 2) is [var column and ("working" or "not-working"), var perspective]
            ? (perspective, column == "working")
            : (null, null);
}
