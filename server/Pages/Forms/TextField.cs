namespace ReviewRoom.Pages.Forms;

/// <summary>A labelled GOV.UK text input, textarea or date field with its hint and error.</summary>
public sealed record TextField(string Id, string Name, string Label, string? Value, string? Error,
    string? Hint = null, string Type = "text", bool Multiline = false, string? Autocomplete = null, bool ReadOnly = false, string? List = null);
