using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Templates;

/// <summary>
/// The meeting types on offer: every .md file in the templates folder, each with its Welsh version
/// (NAME.cy.md) when there is one, read once at start-up.
/// </summary>
public sealed class TemplateCatalog
{
    private readonly IReadOnlyList<ReviewTemplate> _templates;

    public TemplateCatalog(IOptions<ReviewRoomOptions> options, ILogger<TemplateCatalog> logger)
    {
        var folder = options.Value.TemplatesPath;
        var templates = new List<ReviewTemplate>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (file.Equals("README.md", StringComparison.OrdinalIgnoreCase) || file.EndsWith(WelshEnding, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                var id = Path.GetFileNameWithoutExtension(path);
                var template = TemplateParser.Parse(id, file, File.ReadAllText(path));
                templates.Add(WithWelsh(template, Path.Combine(folder, id + WelshEnding), logger));
            }
            catch (TemplateException e)
            {
                logger.LogError("Template skipped: {Reason}", e.Message);
            }
        }

        if (templates.Count == 0)
        {
            throw new InvalidOperationException($"No usable review templates in {folder}: see templates/README.md.");
        }

        _templates = templates;
    }

    public IReadOnlyList<ReviewTemplate> All => _templates;

    private const string WelshEnding = ".cy.md";

    /// <summary>A Welsh version with a mistake is left out, and the template offered in English only.</summary>
    private static ReviewTemplate WithWelsh(ReviewTemplate template, string welshPath, ILogger logger)
    {
        if (!File.Exists(welshPath))
        {
            return template;
        }

        try
        {
            return TemplateParser.WithWelsh(template, Path.GetFileName(welshPath), File.ReadAllText(welshPath));
        }
        catch (TemplateException e)
        {
            logger.LogError("Welsh version of a template skipped: {Reason}", e.Message);
            return template;
        }
    }

    public ReviewTemplate? Find(string? id) => _templates.FirstOrDefault(t => t.Id == id);
}
