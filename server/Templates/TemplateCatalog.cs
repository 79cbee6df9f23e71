using Microsoft.Extensions.Options;
using ReviewRoom.Domain;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Templates;

/// <summary>The meeting types on offer: every .md file in the templates folder, read once at start-up.</summary>
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
            if (file.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                templates.Add(TemplateParser.Parse(Path.GetFileNameWithoutExtension(path), file, File.ReadAllText(path)));
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

    public ReviewTemplate? Find(string? id) => _templates.FirstOrDefault(t => t.Id == id);
}
