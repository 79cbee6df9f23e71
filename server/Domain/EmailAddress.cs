namespace ReviewRoom.Domain;

/// <summary>One rule for what counts as an e-mail address, for an account and for sending the minutes.</summary>
public static class EmailAddress
{
    public const int Length = 254;

    public static bool IsValid(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return address.Length is > 2 and <= Length
            && at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1
            && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or ':' or '"' or '(' or ')' or '[' or ']' or '\\');
    }
}
