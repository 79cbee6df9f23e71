using ReviewRoom.Sections;

namespace ReviewRoom.Domain;

/// <summary>A kind of meeting, read from a Markdown file in templates/ and its Welsh version beside it.</summary>
public sealed record ReviewTemplate(string Id, Words Name, Words Description, IReadOnlyList<SectionTemplate> Sections);

/// <summary>
/// A section as the template describes it. "{person}" in the heading, prompt or options stands for
/// the person's name. Options are a grid's perspectives or a choice's statements.
/// </summary>
public sealed record SectionTemplate(string Id, SectionKind Kind, Words Heading, Words Prompt, IReadOnlyList<Words> Options);
