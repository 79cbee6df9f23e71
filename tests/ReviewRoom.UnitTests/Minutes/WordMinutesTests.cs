using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReviewRoom.Domain;
using ReviewRoom.Minutes;

namespace ReviewRoom.UnitTests.Minutes;

/// <summary>The Word minutes, read back as Word would: each paragraph's style and text.</summary>
public sealed class WordMinutesTests
{
    [Fact]
    public void TheWordMinutes_HoldEverySectionInOrder_AsHeadingsAndBulletedLists_WithHostileTextAsPlainWords()
    {
        var markdown = new MinutesWriter(TestText.English()).Write(MinutesWriterTests.SamsReview());

        var document = Read(new WordMinutes(new MinutesRenderer()).Write("Annual review", [(Language.English, markdown)]));

        var headings = document.Paragraphs.Where(p => p.Style is "Title" or "Heading1").Select(p => p.Text);
        Assert.Equal(
            ["Annual review", "Who is here", "What we like and admire about Sam Jones", "What is important to Sam Jones now", "What is working", "Actions"],
            headings.Take(6));
        var bullets = document.Paragraphs.Where(p => p.Style == "ListParagraph").Select(p => p.Text).ToList();
        Assert.Contains("Fran Facilitator (Facilitator)", bullets);
        Assert.Contains("Sam's laugh fills the room.\nEveryone says so. (Fran Facilitator, Facilitator)", bullets);
        Assert.Contains("<script>alert(1)</script> (Ana Jones, sister)", bullets);
        Assert.Contains("[x](javascript:alert(1)) (Ana Jones, sister)", bullets);
        Assert.Contains("**not bold** and _not emphasised_ | not | a table | (Ana Jones, sister)", bullets);
        Assert.Contains("<https://example.com> and &lt; and ![image](https://example.com/x.png) (Ana Jones, sister)", bullets);
        Assert.Contains("Person: Sam Jones\nDate: 1 December 2026\nFacilitator: Fran Facilitator", document.Paragraphs.Select(p => p.Text));
        Assert.Equal(0, document.Hyperlinks);
        Assert.Empty(document.Invalid);
        Assert.Equal(["en-GB"], document.Languages);
    }

    [Fact]
    public void WelshAndEnglishMinutes_EachStartOnAPageOfTheirOwn_InTheirOwnLanguage()
    {
        var english = new MinutesWriter(TestText.English()).Write(MinutesWriterTests.SamsReview());
        var welsh = new MinutesWriter(TestText.Welsh()).Write(MinutesWriterTests.SamsReview());

        var document = Read(new WordMinutes(new MinutesRenderer()).Write("Annual review", [(Language.Welsh, welsh), (Language.English, english)]));

        Assert.Empty(document.Invalid);
        Assert.Equal(1, document.PageBreaks);
        Assert.Equal(["cy-GB", "en-GB"], document.Languages);
        Assert.Equal(2, document.Paragraphs.Count(p => p.Style == "Title"));
    }

    /// <param name="Invalid">What the Open XML SDK's validator finds wrong with the document, against Office 2019's schema.</param>
    private sealed record WordDocument(IReadOnlyList<(string? Style, string Text)> Paragraphs, int Hyperlinks, int PageBreaks, IReadOnlyList<string> Languages, IReadOnlyList<string> Invalid);

    private static WordDocument Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break { Type: null } => "\n", _ => "" }))))
            .Where(p => p.Item2.Length > 0)
            .ToList();
        // The languages the text is marked in, in the order they first come.
        var languages = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Languages>().Select(l => l.Val!.Value!).Distinct().ToList();
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        return new WordDocument(paragraphs, body.Descendants<Hyperlink>().Count(), body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page), languages, invalid);
    }
}
