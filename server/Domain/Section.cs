using ReviewRoom.Sections;

namespace ReviewRoom.Domain;

/// <param name="Options">A grid's perspectives or a choice's statements.</param>
public sealed record Section(string Id, SectionKind Kind, Words Heading, Words Prompt, IReadOnlyList<Words> Options)
{
    /// <summary>The option these words name, in any language.</summary>
    public Words? Option(string? words) => Options.FirstOrDefault(o => o.English == words || (o.Welsh is not null && o.Welsh == words));
}
