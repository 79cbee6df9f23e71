using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReviewRoom.Minutes;

/// <summary>
/// The one Markdig pipeline that reads minutes, for the page and for the Word document. Raw HTML
/// stays text; links go only to http, https or mailto; pictures become plain links, so a page never
/// fetches anything. No table extension: minutes use lists, and pipe tables grow slowly on hostile input.
/// </summary>
public sealed class MinutesRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public string ToHtml(string markdown) => Parse(markdown).ToHtml(_pipeline);

    /// <summary>The minutes as Markdig reads them, made safe as above.</summary>
    public MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            link.Url = Safe(link.Url);
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            link.Url = Safe(link.Url);
        }

        return document;
    }

    private static string Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme) ? url : "#";
}
