using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReviewRoom.Domain;
using ReviewRoom.Sections;

namespace ReviewRoom.Templates;

/// <summary>
/// Reads a meeting template: "# Name", a description, then one "## Heading {#id kind=cards}" per
/// section with the facilitator's prompts under it, and for grids and choices a list of options.
/// The format is documented in templates/README.md.
/// </summary>
public static partial class TemplateParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    // "{#id kind=cards}" at the end of a heading. Read by hand rather than by Markdig's generic
    // attributes, which would also swallow the "{person}" placeholder earlier in the heading.
    [GeneratedRegex(@"\{(?<attributes>[^{}]*)\}\s*$")]
    private static partial Regex TrailingAttributes();

    public static ReviewTemplate Parse(string id, string file, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var title = document.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1)
            ?? throw new TemplateException(file, 1, "there is no title: start the file with a line such as \"# Person-centred review\".");

        var description = new List<string>();
        var sections = new List<SectionTemplate>();
        SectionDraft? current = null;

        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                Close();
                current = Section(file, heading);
            }
            else if (current is not null && block is ListBlock list && current.Kind.OptionsNeeded is not null)
            {
                current.Options.AddRange(list.SelectMany(Lines));
            }
            else if (block != title)
            {
                (current?.Prompt ?? description).AddRange(Lines(block));
            }
        }

        Close();
        if (sections.Count == 0)
        {
            throw new TemplateException(file, title.Line + 1, "the template has no sections: add at least one \"## Heading {#id kind=cards}\".");
        }

        return new ReviewTemplate(id, new(PlainText(title.Inline)), new(string.Join('\n', description)), sections);

        void Close()
        {
            if (current is not { } section)
            {
                return;
            }

            if (sections.Exists(s => s.Id == section.Id))
            {
                throw new TemplateException(file, section.Line, $"the section id \"{section.Id}\" is used twice.");
            }

            if (section.Kind.OptionsNeeded is { } problem && section.Options.Count < 2)
            {
                throw new TemplateException(file, section.Line, problem);
            }

            sections.Add(new SectionTemplate(section.Id, section.Kind, new(section.Heading), new(string.Join('\n', section.Prompt)), [.. section.Options.Select(o => new Words(o))]));
        }
    }

    /// <summary>
    /// The template with its Welsh words, read from its Welsh file: the same sections in the same order,
    /// with the same ids, kinds and number of options, so each Welsh part stands beside its English one.
    /// </summary>
    public static ReviewTemplate WithWelsh(ReviewTemplate template, string file, string markdown)
    {
        var welsh = Parse(template.Id, file, markdown);
        if (welsh.Sections.Count != template.Sections.Count)
        {
            throw new TemplateException(file, 1, $"it has {welsh.Sections.Count} sections where the English has {template.Sections.Count}.");
        }

        var sections = template.Sections.Zip(welsh.Sections, (english, cymraeg) =>
            english.Id != cymraeg.Id || english.Kind != cymraeg.Kind
                ? throw new TemplateException(file, 1, $"its section \"{cymraeg.Id}\" ({cymraeg.Kind}) stands where the English has \"{english.Id}\" ({english.Kind}).")
                : english.Options.Count != cymraeg.Options.Count
                    ? throw new TemplateException(file, 1, $"its section \"{cymraeg.Id}\" lists {cymraeg.Options.Count} options where the English lists {english.Options.Count}.")
                    : english with
                    {
                        Heading = WithWelsh(english.Heading, cymraeg.Heading),
                        Prompt = WithWelsh(english.Prompt, cymraeg.Prompt),
                        Options = [.. english.Options.Zip(cymraeg.Options, WithWelsh)],
                    });
        return template with { Name = WithWelsh(template.Name, welsh.Name), Description = WithWelsh(template.Description, welsh.Description), Sections = [.. sections] };
    }

    // A Welsh file is read like an English one: its words arrive in the English place.
    private static Words WithWelsh(Words english, Words welsh) => english with { Welsh = welsh.English };

    private static SectionDraft Section(string file, HeadingBlock heading)
    {
        var line = heading.Line + 1;
        var text = PlainText(heading.Inline);
        var attributes = TrailingAttributes().Match(text);
        if (!attributes.Success)
        {
            throw new TemplateException(file, line, "the section has no id: end the heading with {#an-id kind=cards}.");
        }

        string? id = null;
        var kind = SectionKind.Cards;
        foreach (var attribute in attributes.Groups["attributes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (attribute.StartsWith('#') && attribute.Length > 1)
            {
                id = attribute[1..];
            }
            else if (attribute.StartsWith("kind=", StringComparison.Ordinal))
            {
                var name = attribute["kind=".Length..].Trim('"');
                kind = SectionKind.Named(name)
                    ?? throw new TemplateException(file, line, $"unknown section kind \"{name}\": use one of {string.Join(", ", SectionKind.All.Select(k => k.Name))}.");
            }
            else
            {
                throw new TemplateException(file, line, $"\"{attribute}\" is not a section attribute: use #an-id and kind=….");
            }
        }

        return id is null
            ? throw new TemplateException(file, line, "the section has no id: end the heading with {#an-id kind=cards}.")
            : new SectionDraft(line, text[..attributes.Index].Trim(), id, kind);
    }

    private static IEnumerable<string> Lines(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => [PlainText(inline)],
        ContainerBlock container => container.SelectMany(Lines),
        _ => [],
    };

    private static string PlainText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var part in inline?.Descendants() ?? [])
        {
            text.Append(part switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                _ => "",
            });
        }

        return text.ToString().Trim();
    }

    private sealed record SectionDraft(int Line, string Heading, string Id, SectionKind Kind)
    {
        public List<string> Prompt { get; } = [];
        public List<string> Options { get; } = [];
    }
}
