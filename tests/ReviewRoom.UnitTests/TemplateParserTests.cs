using ReviewRoom.Domain;
using ReviewRoom.Sections;
using ReviewRoom.Templates;

namespace ReviewRoom.UnitTests;

public sealed class TemplateParserTests
{
    [Fact]
    public void PersonCentredReview_AsShipped_HasItsSectionsInOrder()
    {
        var markdown = RepoFiles.Read("templates", "person-centred-review.md");

        var template = TemplateParser.Parse("person-centred-review", "person-centred-review.md", markdown);

        Assert.Equal("Person-centred review", template.Name);
        Assert.StartsWith("A review of how life and support are going for {person}", template.Description.English, StringComparison.Ordinal);
        Assert.Equal(
            ["like-and-admire", "important-to-now", "important-to-future", "important-for", "working-not-working", "personal-budget", "questions", "actions"],
            template.Sections.Select(s => s.Id));
        var grid = template.Sections.Single(s => s.Id == "working-not-working");
        Assert.Equal(SectionKind.Grid, grid.Kind);
        Assert.Equal(["{person}", "Family", "Staff", "Professionals"], grid.Options);
        Assert.Equal("From each point of view. Disagreement is written down, not voted away.", grid.Prompt);
        Assert.Equal(SectionKind.Questions, template.Sections.Single(s => s.Id == "questions").Kind);
        Assert.Equal(SectionKind.Actions, template.Sections.Single(s => s.Id == "actions").Kind);
        var first = template.Sections[0];
        Assert.Equal("What we like and admire about {person}", first.Heading);
        Assert.Equal(SectionKind.Cards, first.Kind);
        Assert.Contains("strengths, gifts and qualities", first.Prompt.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person-centred-review", "Person-centred review", "Adolygiad person-ganolog", 8)]
    [InlineData("path", "PATH", "PATH", 7)]
    [InlineData("maps", "MAPS", "MAPS", 7)]
    [InlineData("one-page-profile", "One-page profile", "Proffil un dudalen", 3)]
    [InlineData("four-plus-one", "4 plus 1 questions", "4 + 1 cwestiwn", 5)]
    [InlineData("team-self-assessment", "Team self-assessment", "Hunanasesiad tîm", 5)]
    [InlineData("good-and-bad-days", "Good days and bad days", "Diwrnodau da a diwrnodau gwael", 4)]
    [InlineData("routines", "Routines", "Trefn y dydd", 4)]
    [InlineData("top-tips", "Top tips", "Awgrymiadau da", 3)]
    [InlineData("decision-making-agreement", "Decision-making agreement", "Cytundeb gwneud penderfyniadau", 2)]
    [InlineData("relationship-circle", "Relationship circle", "Cylch perthynas", 3)]
    [InlineData("doughnut", "Doughnut", "Toesen", 2)]
    [InlineData("communication-chart", "Communication chart", "Siart cyfathrebu", 3)]
    public void ShippedTemplate_ParsesInEnglishAndWelsh(string id, string name, string welshName, int sections)
    {
        var english = TemplateParser.Parse(id, $"{id}.md", RepoFiles.Read("templates", $"{id}.md"));

        var template = TemplateParser.WithWelsh(english, $"{id}.cy.md", RepoFiles.Read("templates", $"{id}.cy.md"));

        Assert.Equal(new Words(name, welshName), template.Name);
        Assert.Equal(sections, template.Sections.Count);
        Assert.All(template.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Prompt.English), $"{s.Id} has no prompt"));
        Assert.All(template.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Prompt.Welsh), $"{s.Id} has no Welsh prompt"));
        Assert.All(template.Sections, s => Assert.NotEqual(s.Heading.English, s.Heading.Welsh));
        Assert.All(template.Sections.SelectMany(s => s.Options), o => Assert.False(string.IsNullOrWhiteSpace(o.Welsh)));
    }

    [Fact]
    public void WelshVersion_WithASectionOutOfPlace_IsRefusedNamingTheSection()
    {
        var english = TemplateParser.Parse("t", "t.md", "# Talk\n\n## Hopes {#hopes}\n\nWhat do you hope for?\n\n## Worries {#worries}\n\nWhat worries you?\n");

        var mistake = Assert.Throws<TemplateException>(() =>
            TemplateParser.WithWelsh(english, "t.cy.md", "# Sgwrs\n\n## Pryderon {#worries}\n\nBeth sy'n eich poeni?\n\n## Gobeithion {#hopes}\n\nBeth ydych chi'n gobeithio amdano?\n"));

        Assert.Equal("t.cy.md, line 1: its section \"worries\" (cards) stands where the English has \"hopes\" (cards).", mistake.Message);
    }

    [Fact]
    public void EveryTemplateInTheFolder_IsCoveredByATest()
    {
        var shipped = Directory.EnumerateFiles(RepoFiles.PathTo("templates"), "*.md").Select(Path.GetFileName).Where(f => f != "README.md");

        string[] ids = ["communication-chart", "decision-making-agreement", "doughnut", "four-plus-one", "good-and-bad-days", "maps", "one-page-profile", "path", "person-centred-review", "relationship-circle", "routines", "team-self-assessment", "top-tips"];
        Assert.Equal(ids.SelectMany(id => new[] { $"{id}.cy.md", $"{id}.md" }).Order(StringComparer.Ordinal), shipped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Path_TakesItsStepsInOrder_AndSelfAssessmentAreasHaveFiveStatements()
    {
        var path = TemplateParser.Parse("path", "path.md", RepoFiles.Read("templates", "path.md"));
        var assessment = TemplateParser.Parse("team-self-assessment", "team-self-assessment.md", RepoFiles.Read("templates", "team-self-assessment.md"));

        Assert.Equal(["north-star", "goal", "now", "enrol", "getting-stronger", "next-months", "first-steps"], path.Sections.Select(s => s.Id));
        Assert.All(assessment.Sections.Where(s => s.Kind == SectionKind.Choice), s => Assert.Equal(5, s.Options.Count));
    }

    [Fact]
    public void Grid_WithoutPerspectives_IsReported()
    {
        var mistake = Assert.Throws<TemplateException>(() => TemplateParser.Parse("t", "t.md", "# T\n\n## Grid {#g kind=grid}\n\nJust a prompt.\n"));

        Assert.Equal(3, mistake.Line);
        Assert.Contains("perspectives", mistake.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_WithoutAKind_HoldsCards_AndKeepsEveryPromptParagraph()
    {
        var template = TemplateParser.Parse("t", "t.md", "# Talk\n\n## Hopes {#hopes}\n\nFirst prompt,\nwrapped.\n\nSecond prompt.\n");

        var section = Assert.Single(template.Sections);
        Assert.Equal(SectionKind.Cards, section.Kind);
        Assert.Equal("Hopes", section.Heading);
        Assert.Equal("First prompt, wrapped.\nSecond prompt.", section.Prompt);
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
