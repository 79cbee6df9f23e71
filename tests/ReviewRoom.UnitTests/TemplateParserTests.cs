using ReviewRoom.Domain;
using ReviewRoom.Templates;
using ReviewRoom.TestHost;

namespace ReviewRoom.UnitTests;

public sealed class TemplateParserTests
{
    [Fact]
    public void PersonCentredReview_AsShipped_HasItsSectionsInOrder()
    {
        var markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "templates", "person-centred-review.md"));

        var template = TemplateParser.Parse("person-centred-review", "person-centred-review.md", markdown);

        Assert.Equal("Person-centred review", template.Name);
        Assert.StartsWith("A review of how life and support are going for {person}", template.Description, StringComparison.Ordinal);
        Assert.Equal(
            ["like-and-admire", "important-to-now", "important-to-future", "important-for", "working", "not-working", "questions", "actions"],
            template.Sections.Select(s => s.Id));
        var first = template.Sections[0];
        Assert.Equal("What we like and admire about {person}", first.Heading);
        Assert.Equal(SectionKind.Cards, first.Kind);
        Assert.Contains("strengths, gifts and qualities", first.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_WithoutAKind_HoldsCards_AndKeepsEveryPromptLine()
    {
        var template = TemplateParser.Parse("t", "t.md", "# Talk\n\n## Hopes {#hopes}\n\nFirst prompt.\n\nSecond prompt.\n");

        var section = Assert.Single(template.Sections);
        Assert.Equal(SectionKind.Cards, section.Kind);
        Assert.Equal("Hopes", section.Heading);
        Assert.Equal("First prompt.\nSecond prompt.", section.Prompt);
    }

    [Theory]
    [InlineData("# T\n\n## A {#a kind=banana}\n", 3, "unknown section kind \"banana\"")]
    [InlineData("# T\n\n## A {#a}\n\n## B {#b}\n\n## Again {#a}\n", 7, "\"a\" is used twice")]
    [InlineData("# T\n\nText.\n\n## No id here\n", 5, "no id")]
    [InlineData("# T\n\n## A {kind=cards}\n", 3, "no id")]
    [InlineData("# T\n\nJust a description.\n", 1, "no sections")]
    [InlineData("No title at all.\n\n## A {#a}\n", 1, "no title")]
    public void Template_WithAMistake_IsReportedWithItsFileAndLine(string markdown, int line, string problem)
    {
        var mistake = Assert.Throws<TemplateException>(() => TemplateParser.Parse("broken", "broken.md", markdown));

        Assert.Equal("broken.md", mistake.File);
        Assert.Equal(line, mistake.Line);
        Assert.Contains(problem, mistake.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"broken.md, line {line}:", mistake.Message, StringComparison.Ordinal);
    }
}
