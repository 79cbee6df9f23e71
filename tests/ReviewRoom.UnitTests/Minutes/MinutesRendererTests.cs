using System.Text;
using System.Text.RegularExpressions;
using ReviewRoom.Minutes;

namespace ReviewRoom.UnitTests.Minutes;

/// <summary>The one pipeline the minutes page uses: whatever the Markdown holds, the page only shows it.</summary>
public sealed partial class MinutesRendererTests
{
    private readonly MinutesRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;")]
    public void RawHtml_IsShownAsText(string markdown, string shown) =>
        Assert.Contains(shown, _renderer.ToHtml(markdown), StringComparison.Ordinal);

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](/reviews/elsewhere)")]
    [InlineData("<javascript:alert(1)>")]
    public void Link_ToAnythingButWebOrMail_GoesNowhere(string markdown)
    {
        var hrefs = Href().Matches(_renderer.ToHtml(markdown)).Select(m => m.Groups[1].Value);

        Assert.Equal(["#"], hrefs);
    }

    [Theory]
    [InlineData("[GP surgery](https://example.org/gp)", "https://example.org/gp")]
    [InlineData("[Email Fran](mailto:fran@example.org)", "mailto:fran@example.org")]
    [InlineData("<https://example.org>", "https://example.org")]
    public void Link_ToTheWebOrMail_IsKept(string markdown, string href) =>
        Assert.Contains($"href=\"{href}\"", _renderer.ToHtml(markdown), StringComparison.Ordinal);

    [Fact]
    public void Picture_BecomesAPlainLink_SoThePageFetchesNothing()
    {
        var html = _renderer.ToHtml("![tracker](https://example.org/pixel.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/pixel.png\">tracker</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeTable_StaysText_SoItCannotSlowThePageDown()
    {
        var table = new StringBuilder("| a | b |\n|---|---|\n");
        for (var row = 0; row < 20_000; row++)
        {
            table.Append("| ").Append(row).Append(" | <b>x</b> |\n");
        }

        var html = _renderer.ToHtml(table.ToString());

        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("| 19999 |", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
