using System.Text.RegularExpressions;

namespace ReviewRoom.UnitTests;

public sealed partial class ArchitectureTests
{
    [Fact]
    public void Domain_IsPlainCSharp_WithNoFrameworkUsings()
    {
        var files = Directory.EnumerateFiles(RepoFiles.PathTo("server", "Domain"), "*.cs", SearchOption.AllDirectories).ToList();

        var offenders = files
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetRelativePath(RepoFiles.Root, file), Line: line.Trim())))
            .Where(x => FrameworkUsing().IsMatch(x.Line))
            .Select(x => $"{x.File}: {x.Line}");

        Assert.Contains(files, f => f.EndsWith("Review.cs", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("using Microsoft.Extensions.Logging;", true)]
    [InlineData("global using LiteDB;", true)]
    [InlineData("using static Markdig.Markdown;", true)]
    [InlineData("using Http = System.Net.Http;", true)]
    [InlineData("using System.Text;", false)]
    [InlineData("// using Microsoft.Extensions.Logging;", false)]
    public void FrameworkUsing_IsRecognisedInEveryForm(string line, bool framework) =>
        Assert.Equal(framework, FrameworkUsing().IsMatch(line));

    [GeneratedRegex(@"^(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?(Microsoft|LiteDB|Markdig|System\.Net)\b")]
    private static partial Regex FrameworkUsing();
}
