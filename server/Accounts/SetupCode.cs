using System.Security.Cryptography;

namespace ReviewRoom.Accounts;

/// <summary>
/// The one-time code that lets whoever installed the server create the first account. It is
/// written to the server's log at start-up, and only while there is no account at all.
/// </summary>
public sealed class SetupCode
{
    private readonly Lock _gate = new();
    private string? _code;

    public SetupCode(IAccountStore accounts, ILogger<SetupCode> logger)
    {
        if (accounts.AnyAccounts())
        {
            return;
        }

        // 128 bits: too many to guess however long the setup page waits, so it needs no attempt limit of its own.
        _code = RandomNumberGenerator.GetString(Alphabet, 26);
        logger.LogWarning("First run: no facilitator accounts yet. Open /setup and enter this one-time setup code: {SetupCode}", Grouped(_code));
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _code is not null;
            }
        }
    }

    public bool IsRight(string? attempt)
    {
        lock (_gate)
        {
            return Matches(attempt);
        }
    }

    /// <summary>Uses the code up if it is right; it works once.</summary>
    public bool TryUse(string? attempt)
    {
        lock (_gate)
        {
            if (!Matches(attempt))
            {
                return false;
            }

            _code = null;
            return true;
        }
    }

    // Letters and digits that cannot be mistaken for each other (no 0, 1, 8 or 9), 5 bits each.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    // Spaces, dashes and small letters are allowed, as people copy the code the way it is grouped in the log.
    private bool Matches(string? attempt) =>
        _code is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(new string((attempt ?? "").ToUpperInvariant().Where(c => Alphabet.Contains(c)).ToArray())),
            System.Text.Encoding.ASCII.GetBytes(_code));

    private static string Grouped(string code) => string.Join('-', code.Chunk(4).Select(part => new string(part)));
}
