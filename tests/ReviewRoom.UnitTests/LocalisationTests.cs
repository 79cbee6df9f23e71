using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReviewRoom.Domain;

namespace ReviewRoom.UnitTests;

public sealed partial class LocalisationTests
{
    private static readonly HashSet<string> EnglishKeys = XDocument
        .Load(RepoFiles.PathTo("server", "Resources", "SharedResource.resx"))
        .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> KeyPrefixes = EnglishKeys.Select(key => key.Split('.')[0]).ToHashSet(StringComparer.Ordinal);

    // Keys the server builds at run time, such as $"Error.{error}", and every value that can complete them.
    private static readonly Dictionary<string, string[]> BuiltKeys = new(StringComparer.Ordinal)
    {
        ["Error."] = Enum.GetNames<ReviewError>(),
        ["ActionStatus."] = Enum.GetNames<ActionStatus>(),
        ["Board.Lights."] = Enum.GetNames<ReviewRoom.Realtime.TrafficLight>(),
        ["Trail.Role."] = Enum.GetNames<Role>(),
        ["Trail."] = AuditedActions(),
    };

    private static readonly List<string> ServerSources = [.. Directory
        .EnumerateFiles(RepoFiles.PathTo("server"), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
        .Where(f => !Path.GetRelativePath(RepoFiles.PathTo("server"), f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Select(File.ReadAllText)];

    [Fact]
    public void EveryStringTheServerAsksFor_HasEnglishWords()
    {
        var used = ServerSources.SelectMany(KeysIn)
            .Concat(BuiltKeys.SelectMany(built => built.Value.Select(value => built.Key + value)))
            .ToHashSet(StringComparer.Ordinal);

        // One of each way a key is written: T["…"], a choice between two keys, a list of keys, the error page's constants.
        Assert.Superset(new HashSet<string> { "NewReview.Heading", "Board.Invitee.NotYet", "Home.Today", "Error.Problem", "Error.CardEmpty" }, used);
        Assert.Empty(used.Where(key => !EnglishKeys.Contains(key)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryStringTheBrowserAsksFor_HasEnglishWords()
    {
        var used = Directory.EnumerateFiles(RepoFiles.PathTo("wwwroot", "js"), "*.js")
            .SelectMany(file => Say().Matches(File.ReadAllText(file)))
            .SelectMany(call => QuotedKey().Matches(call.Groups["arguments"].Value).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Board.PutBack", used);
        Assert.Empty(used.Where(key => !EnglishKeys.Contains(key)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KeysBuiltAtRunTime_ComeOnlyFromKnownEnums()
    {
        var prefixes = ServerSources.SelectMany(source => BuiltKey().Matches(source)).Select(m => m.Groups["prefix"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(BuiltKeys.Keys.Order(StringComparer.Ordinal), prefixes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryEnglishString_HasWelshWords_WithTheSamePlaceholders()
    {
        var english = Strings("SharedResource.resx");
        var welsh = Strings("SharedResource.cy.resx");

        Assert.Empty(english.Keys.Except(welsh.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(welsh.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(welsh.Where(w => string.IsNullOrWhiteSpace(w.Value)).Select(w => w.Key));
        Assert.Empty(english.Keys.Where(key => !Placeholders(english[key]).SequenceEqual(Placeholders(welsh[key]))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resources_AreEmbeddedWhereTheLocalizerLooks_InBothLanguages()
    {
        Assert.Equal("Adolygiad newydd", TestText.Welsh()["NewReview.Heading"].Value);
    }

    [Fact]
    public void Resources_AreEmbeddedWhereTheLocalizerLooks()
    {
        var text = TestText.English();

        var heading = text["NewReview.Heading"];

        Assert.False(heading.ResourceNotFound);
        Assert.Equal("New review", heading.Value);
    }

    private static Dictionary<string, string> Strings(string file) => XDocument
        .Load(RepoFiles.PathTo("server", "Resources", file))
        .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    private static IEnumerable<string> Placeholders(string value) => Placeholder().Matches(value).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // A key is T["Key"] or text["Key"], or any "Prefix.Key" string whose prefix the resources use,
    // which also finds keys chosen by a condition, listed in a tuple, or kept in a constant.
    private static IEnumerable<string> KeysIn(string source) =>
        LocalizerKey().Matches(source).Select(m => m.Groups["key"].Value)
            .Concat(DottedString().Matches(source).Select(m => m.Groups["key"].Value).Where(key => KeyPrefixes.Contains(key[..key.IndexOf('.', StringComparison.Ordinal)])));

    [GeneratedRegex(@"\b(?:T|text)\[""(?<key>[A-Za-z.]+)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"(?<![$@\w])""(?<key>[A-Z][A-Za-z]*(?:\.[A-Za-z]+)+)""")]
    private static partial Regex DottedString();

    // What the trail records: each change ReviewService makes, and each view or download recorded on its own.
    private static string[] AuditedActions() =>
    [
        .. Action().Matches(RepoFiles.Read("server", "Reviews", "ReviewService.cs")).Select(m => m.Groups["action"].Value),
        .. Directory.EnumerateFiles(RepoFiles.PathTo("server"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Seen().Matches(File.ReadAllText(f))).Select(m => m.Groups["action"].Value),
    ];

    [GeneratedRegex(@"""(?<action>[a-z]+(?:-[a-z]+)+)""")]
    private static partial Regex Action();

    [GeneratedRegex(@"SawAsync\([^;]*?""(?<action>[a-z]+(?:-[a-z]+)+)""\)")]
    private static partial Regex Seen();

    [GeneratedRegex(@"\bsay\((?<arguments>[^;]*?)\)")]
    private static partial Regex Say();

    [GeneratedRegex(@"'(?<key>[A-Z][A-Za-z]*(?:\.[A-Za-z]+)+)'")]
    private static partial Regex QuotedKey();

    [GeneratedRegex("""\$"(?<prefix>[A-Z][A-Za-z]*(?:\.[A-Za-z]+)*\.)\{""")]
    private static partial Regex BuiltKey();
}
