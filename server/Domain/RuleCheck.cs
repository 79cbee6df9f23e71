namespace ReviewRoom.Domain;

/// <summary>Collects every broken rule of one change, so a form can show them all at once.</summary>
internal sealed class RuleCheck
{
    private readonly List<ReviewError> _errors = [];

    /// <summary>Trimmed text with line endings made "\n"; the words themselves stay as said.</summary>
    public string Text(string? value, int limit, ReviewError missing, ReviewError tooLong)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        Require(text.Length > 0, missing);
        Require(text.Length <= limit, tooLong);
        return text;
    }

    /// <summary>A name or a relationship: one line, single spaces.</summary>
    public string Line(string? value, int limit, ReviewError missing, ReviewError tooLong) =>
        Text(string.Join(' ', (value ?? "").Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)), limit, missing, tooLong);

    /// <summary>A line that may be left empty, such as "said by": null when empty.</summary>
    public string? OptionalLine(string? value, int limit, ReviewError tooLong)
    {
        var line = string.Join(' ', (value ?? "").Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        Require(line.Length <= limit, tooLong);
        return line.Length == 0 ? null : line;
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
