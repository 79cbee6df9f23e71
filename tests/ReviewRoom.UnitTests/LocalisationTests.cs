using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReviewRoom.Domain;
using ReviewRoom.TestHost;

namespace ReviewRoom.UnitTests;

public sealed partial class LocalisationTests
{
    private static readonly HashSet<string> EnglishKeys = XDocument
        .Load(Path.Combine(RepoPaths.Root, "server", "Resources", "SharedResource.resx"))
        .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void EveryStringTheServerAsksFor_HasEnglishWords()
    {
        var server = Path.Combine(RepoPaths.Root, "server");
        var used = Directory.EnumerateFiles(server, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => LocalisedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(Enum.GetValues<ReviewError>().Select(e => $"Error.{e}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"Only {used.Count} keys found: is the pattern still right?");
        var missing = used.Where(key => !EnglishKeys.Contains(key)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Resources_AreEmbeddedWhereTheLocalizerLooks()
    {
        var text = TestText.English();

        var heading = text["NewReview.Heading"];

        Assert.False(heading.ResourceNotFound);
        Assert.Equal("New review", heading.Value);
    }

    // T["Key"] in views, text["Key"] in code, and the Error page's ("Error.Problem", "Error.ProblemHelp") pairs.
    [GeneratedRegex(""""(?:\bT|\btext)\["(?<key>[A-Za-z.]+)"|"(?<key>Error\.[A-Za-z]+)"|"(?<key>Minutes\.[A-Za-z]+)"""")]
    private static partial Regex LocalisedKey();
}
