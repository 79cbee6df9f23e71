using ReviewRoom.Access;

namespace ReviewRoom.UnitTests;

public sealed class InvitationTokenTests
{
    [Fact]
    public void Token_HasAtLeast128RandomBits_AndOnlyItsHashIsKept()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationToken.Create()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, token => Assert.True(token.Length * 6 >= 128, token));
        Assert.All(tokens, token => Assert.True(InvitationToken.IsWellFormed(token)));
        var hash = InvitationToken.Hash(tokens[0]);
        Assert.Equal(hash, InvitationToken.Hash(tokens[0]));
        Assert.DoesNotContain(tokens[0], hash, StringComparison.Ordinal);
        Assert.Equal(64, hash.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../../../etc/passwd/../../../../etc/passwd/../../..")]
    [InlineData("<script>alert(1)</script><script>alert(1)</script>")]
    public void MalformedToken_IsRecognised(string? token) => Assert.False(InvitationToken.IsWellFormed(token));
}
