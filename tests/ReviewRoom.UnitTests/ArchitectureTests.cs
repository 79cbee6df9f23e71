using ReviewRoom.TestHost;

namespace ReviewRoom.UnitTests;

public sealed class ArchitectureTests
{
    private static readonly string[] Frameworks = ["using Microsoft.", "using LiteDB", "using Markdig", "using System.Net"];

    [Fact]
    public void Domain_IsPlainCSharp_WithNoFrameworkUsings()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "server", "Domain"), "*.cs")
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line.Trim())))
            .Where(x => Frameworks.Any(f => x.Line.StartsWith(f, StringComparison.Ordinal)))
            .Select(x => $"{x.File}: {x.Line}");

        Assert.Empty(offenders);
    }
}
