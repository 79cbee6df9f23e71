namespace ReviewRoom.Domain;

public sealed record Section(string Id, SectionKind Kind, string Heading, string Prompt, IReadOnlyList<string> Options);
