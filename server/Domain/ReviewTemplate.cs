namespace ReviewRoom.Domain;

/// <summary>What a section holds, named in a template by <c>kind=…</c>.</summary>
public enum SectionKind
{
    /// <summary>A list of cards.</summary>
    Cards,

    /// <summary>Cards in cells: working or not working, from each perspective the template lists.</summary>
    Grid,

    /// <summary>What will be done, by a named person, by a date.</summary>
    Actions,

    /// <summary>Questions nobody can answer yet, and who will find out.</summary>
    Questions,

    /// <summary>One step of a PATH, drawn along the path on the big screen; holds cards.</summary>
    Path,

    /// <summary>One area of a self-assessment: the group picks one of the statements the template lists.</summary>
    Choice,
}

/// <summary>A kind of meeting, read from a Markdown file in templates/ and its Welsh version beside it.</summary>
public sealed record ReviewTemplate(string Id, Words Name, Words Description, IReadOnlyList<SectionTemplate> Sections);

/// <summary>
/// A section as the template describes it. "{person}" in the heading, prompt or options stands for
/// the person's name. Options are a grid's perspectives or a choice's statements.
/// </summary>
public sealed record SectionTemplate(string Id, SectionKind Kind, Words Heading, Words Prompt, IReadOnlyList<Words> Options);
