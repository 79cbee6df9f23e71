using System.Buffers;
using System.Text;

namespace ReviewRoom.Domain;

/// <summary>
/// Collects every broken rule of one change, so a form can show them all at once; and makes every
/// name and text that comes in plain: the words stay as said, but no control character is kept (a
/// card keeps its line breaks), nor any bidirectional control, with which a name in the lobby could
/// pass for someone else's.
/// </summary>
internal sealed class RuleCheck
{
    private static readonly SearchValues<char> NotPlain = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    private readonly List<ReviewError> _errors = [];

    /// <summary>Trimmed plain text with line endings made "\n".</summary>
    public string Text(string? value, int limit, ReviewError missing, ReviewError tooLong)
    {
        var text = Plain(value, keepLineBreaks: true).Trim();
        Require(text.Length > 0, missing);
        Require(text.Length <= limit, tooLong);
        return text;
    }

    /// <summary>Text that may be left empty, such as one answer in a chart: "" when empty.</summary>
    public string OptionalText(string? value, int limit, ReviewError tooLong)
    {
        var text = Plain(value, keepLineBreaks: true).Trim();
        Require(text.Length <= limit, tooLong);
        return text;
    }

    /// <summary>A name or a relationship: one plain line, single spaces.</summary>
    public string Line(string? value, int limit, ReviewError missing, ReviewError tooLong) =>
        Text(OneLine(value), limit, missing, tooLong);

    /// <summary>A line that may be left empty, such as "said by": null when empty.</summary>
    public string? OptionalLine(string? value, int limit, ReviewError tooLong)
    {
        var line = OneLine(value);
        Require(line.Length <= limit, tooLong);
        return line.Length == 0 ? null : line;
    }

    private static string OneLine(string? value) =>
        string.Join(' ', Plain(value, keepLineBreaks: false).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Tabs and unwanted line breaks become spaces; every other control character goes.</summary>
    private static string Plain(string? value, bool keepLineBreaks)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.AsSpan().ContainsAny(NotPlain))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                plain.Append(keepLineBreaks ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                plain.Append(' ');
            }
            else if (!NotPlain.Contains(c))
            {
                plain.Append(c);
            }
        }

        return plain.ToString();
    }

    public void Require(bool holds, ReviewError error)
    {
        if (!holds)
        {
            _errors.Add(error);
        }
    }

    public void ThrowIfBroken()
    {
        if (_errors.Count > 0)
        {
            throw new ReviewRuleException(_errors);
        }
    }
}
