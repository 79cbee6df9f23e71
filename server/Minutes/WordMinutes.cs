using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;
using Languages = ReviewRoom.Infrastructure.Languages;
using WordLanguage = DocumentFormat.OpenXml.Wordprocessing.Languages;

namespace ReviewRoom.Minutes;

/// <summary>
/// The minutes as a Word document: made from the very Markdown the page and the download are, as
/// Markdig reads it, so the content and its order are the same. Headings are Word's headings, lists
/// its bulleted lists; every word anyone typed goes in as text, never as markup.
/// </summary>
public sealed class WordMinutes(MinutesRenderer renderer)
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int BulletList = 1;

    /// <summary>One document of the minutes in each language given, each starting on a page of its own, in its own language.</summary>
    public byte[] Write(string title, IReadOnlyList<(Language Language, string Markdown)> versions)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(Languages.Code(versions[0].Language));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Bullets();
            var body = new Body();
            foreach (var ((language, markdown), i) in versions.Select((v, i) => (v, i)))
            {
                if (i > 0)
                {
                    body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                }

                var lang = CultureCode(language);
                foreach (var block in renderer.Parse(markdown))
                {
                    Blocks(body, block, listLevel: -1, lang);
                }
            }

            main.Document = new Document(body);
            document.PackageProperties.Title = Plain(title);
            document.PackageProperties.Language = CultureCode(versions[0].Language);
        }

        return stream.ToArray();
    }

    private static void Blocks(Body body, Block block, int listLevel, string lang)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Append(Paragraph(heading.Level == 1 ? "Title" : $"Heading{heading.Level - 1}", heading.Inline, lang));
                break;
            case ParagraphBlock paragraph:
                body.Append(listLevel >= 0 ? ListItem(paragraph.Inline, listLevel, lang) : Paragraph(null, paragraph.Inline, lang));
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    foreach (var inItem in item)
                    {
                        Blocks(body, inItem, listLevel + 1, lang);
                    }
                }

                break;
            case QuoteBlock quote:
                foreach (var inQuote in quote)
                {
                    Blocks(body, inQuote, listLevel, lang);
                }

                break;
            case ThematicBreakBlock:
                body.Append(new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6 }))));
                break;
            case LeafBlock leaf:
                body.Append(new Paragraph(Run(leaf.Lines.ToString(), bold: false, italic: false, lang)));
                break;
            case ContainerBlock container:
                foreach (var inner in container)
                {
                    Blocks(body, inner, listLevel, lang);
                }

                break;
        }
    }

    private static Paragraph Paragraph(string? style, ContainerInline? inlines, string lang)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        Inlines(paragraph, inlines, bold: false, italic: false, lang);
        return paragraph;
    }

    private static Paragraph ListItem(ContainerInline? inlines, int level, string lang)
    {
        var paragraph = new Paragraph(new ParagraphProperties(
            new ParagraphStyleId { Val = "ListParagraph" },
            new NumberingProperties(new NumberingLevelReference { Val = Math.Min(level, 2) }, new NumberingId { Val = BulletList })));
        Inlines(paragraph, inlines, bold: false, italic: false, lang);
        return paragraph;
    }

    private static void Inlines(Paragraph paragraph, ContainerInline? inlines, bool bold, bool italic, string lang)
    {
        foreach (var inline in inlines ?? Enumerable.Empty<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    paragraph.Append(Run(literal.Content.ToString(), bold, italic, lang));
                    break;
                case EmphasisInline emphasis:
                    Inlines(paragraph, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1, lang);
                    break;
                case LineBreakInline:
                    paragraph.Append(new Run(new Break()));
                    break;
                case CodeInline code:
                    paragraph.Append(Run(code.Content, bold, italic, lang));
                    break;
                case AutolinkInline link:
                    paragraph.Append(Run(link.Url, bold, italic, lang));
                    break;
                case HtmlEntityInline entity:
                    paragraph.Append(Run(entity.Transcoded.ToString(), bold, italic, lang));
                    break;
                case HtmlInline html:
                    paragraph.Append(Run(html.Tag, bold, italic, lang));
                    break;
                case LinkInline link:
                    Inlines(paragraph, link, bold, italic, lang);
                    if (link.Url is { Length: > 0 } url && url != "#")
                    {
                        paragraph.Append(Run($" ({url})", bold, italic, lang));
                    }

                    break;
                case ContainerInline container:
                    Inlines(paragraph, container, bold, italic, lang);
                    break;
            }
        }
    }

    private static Run Run(string text, bool bold, bool italic, string lang)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new WordLanguage { Val = lang });
        return new Run(properties, new Text(Plain(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    // Characters XML cannot hold at all are left out; everything else is text as typed.
    private static string Plain(string text) => new([.. text.Where(XmlConvert.IsXmlChar)]);

    private static string CultureCode(Language language) => Languages.CultureOf(language).Name;

    private static Styles Styles(string lang) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "24" }, new WordLanguage { Val = lang })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
        Style("Normal", "Normal", null),
        Style("Title", "Title", new StyleRunProperties(new Bold(), new FontSize { Val = "48" })),
        Style("Heading1", "heading 1", new StyleRunProperties(new Bold(), new FontSize { Val = "36" }), outline: 0),
        Style("Heading2", "heading 2", new StyleRunProperties(new Bold(), new FontSize { Val = "30" }), outline: 1),
        Style("Heading3", "heading 3", new StyleRunProperties(new Bold(), new FontSize { Val = "26" }), outline: 2),
        Style("ListParagraph", "List Paragraph", null));

    private static Style Style(string id, string name, StyleRunProperties? run, int? outline = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        if (outline is { } level)
        {
            style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240" }, new OutlineLevel { Val = level }));
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static Numbering Bullets() => new(
        new AbstractNum(
            Enumerable.Range(0, 3).Select(level => new Level(
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = level == 0 ? "•" : "◦" },
                new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
            { LevelIndex = level }))
        { AbstractNumberId = BulletList },
        new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });
}
