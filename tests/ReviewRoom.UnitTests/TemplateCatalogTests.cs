using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewRoom.Infrastructure;
using ReviewRoom.Templates;

namespace ReviewRoom.UnitTests;

public sealed class TemplateCatalogTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reviewroom-templates-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void BrokenTemplate_IsSkippedWithItsFileAndLineLogged_AndTheOthersStillWork()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "good.md"), "# Good\n\n## A {#a}\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.md"), "# Broken\n\n## A {#a kind=banana}\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "README.md"), "# Not a template\n");
        var log = new ListLogger();

        var catalog = new TemplateCatalog(Options.Create(new ReviewRoomOptions { TemplatesPath = _folder.FullName }), log);

        Assert.Equal(["good"], catalog.All.Select(t => t.Id));
        Assert.Contains(log.Lines, line => line.Contains("broken.md, line 3: unknown section kind \"banana\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NoUsableTemplates_StopsTheServerWithAClearMessage()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "broken.md"), "No title\n");

        var failure = Assert.Throws<InvalidOperationException>(() =>
            new TemplateCatalog(Options.Create(new ReviewRoomOptions { TemplatesPath = _folder.FullName }), new ListLogger()));

        Assert.Contains("No usable review templates", failure.Message, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<TemplateCatalog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
