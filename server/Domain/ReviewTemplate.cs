namespace ReviewRoom.Domain;

public enum SectionKind
{
    Cards,
}

/// <summary>A kind of meeting, read from a Markdown file in templates/.</summary>
public sealed record ReviewTemplate(string Id, string Name, string Description, IReadOnlyList<SectionTemplate> Sections);

/// <summary>A section as the template describes it. "{person}" in the heading or prompt stands for the person's name.</summary>
public sealed record SectionTemplate(string Id, SectionKind Kind, string Heading, string Prompt);
