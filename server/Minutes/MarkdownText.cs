using System.Text;

namespace ReviewRoom.Minutes;

/// <summary>
/// Makes user text safe to put in Markdown: it stays readable as plain text, and no Markdown reader
/// can turn it into markup, a heading, a list, HTML or a link.
/// </summary>
public static class MarkdownText
{
    private const string AlwaysEscaped = "\\`*_[]<>#|~&!{}";
    private const string EscapedAtLineStart = "-+=";

    /// <summary>One line of text, such as a name or a heading.</summary>
    public static string Escape(string text) => EscapeLine(text.ReplaceLineEndings(" ").Trim());

    /// <summary>Several lines, each on its own line with the given indent, for a list item.</summary>
    public static string EscapeLines(string text, string indent) =>
        string.Join("\n" + indent, text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(EscapeLine));

    private static string EscapeLine(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal) || (i == 0 && EscapedAtLineStart.Contains(c, StringComparison.Ordinal)) || IsListNumberEnd(line, i))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // "1." or "1)" at the start of a line would begin a numbered list.
    private static bool IsListNumberEnd(string line, int i) =>
        line[i] is '.' or ')' && i > 0 && line[..i].All(char.IsAsciiDigit);
}
