using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ReviewRoom.Access;

/// <summary>The secret in an invitation link: 256 random bits. Only its SHA-256 hash is ever stored.</summary>
public static class InvitationToken
{
    private const int Bytes = 32;
    private static readonly int Length = Base64UrlTextEncoder.Encode(new byte[Bytes]).Length;

    public static string Create() => Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(Bytes));

    public static bool IsWellFormed([NotNullWhen(true)] string? token) =>
        token is not null && token.Length == Length && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
