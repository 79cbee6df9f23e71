namespace ReviewRoom.Domain;

/// <summary>
/// Words a review shows from its template, in each language the template has them in: English
/// always, Welsh when the template comes in Welsh too. A section's grid perspectives are known by
/// their English words, whatever language a card was added in.
/// </summary>
public sealed record Words(string English, string? Welsh = null)
{
    /// <summary>Words in English only.</summary>
    public static implicit operator Words(string english) => new(english);

    public string In(Language language) => language == Language.Welsh ? Welsh ?? English : English;

    public Words Map(Func<string, string> change) => new(change(English), Welsh is null ? null : change(Welsh));
}
