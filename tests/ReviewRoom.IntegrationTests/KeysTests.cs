using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ReviewRoom.TestHost;

namespace ReviewRoom.IntegrationTests;

/// <summary>The keys that sign every cookie, kept beside the data: encrypted with a certificate when one is configured.</summary>
public sealed class KeysTests : IDisposable
{
    private const string Password = "a pass phrase for the test certificate";

    private readonly DataFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task WithACertificateConfigured_TheKeysAreEncryptedAtRest_AndCookiesStillWorkAfterARestart()
    {
        var settings = new Dictionary<string, string?> { ["ReviewRoom:KeysCertificate"] = MakeCertificate(), ["ReviewRoom:KeysCertificatePassword"] = Password };
        string reviewId;
        Visitor fran;
        await using (var app = new ReviewRoomFactory(_data, settings: settings))
        {
            fran = await app.NewFacilitatorAsync();
            reviewId = await fran.CreateReviewAsync();
            Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("kept unencrypted", StringComparison.Ordinal));
        }

        var keys = Directory.EnumerateFiles(Path.Combine(_data.Path, "keys"), "*.xml").Select(File.ReadAllText).ToList();
        await using var restarted = new ReviewRoomFactory(_data, settings: settings);
        var board = await fran.On(restarted).Http.GetAsync($"/reviews/{reviewId}");

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreKeptPlain_AndTheLogSaysSo()
    {
        await using var app = new ReviewRoomFactory(_data);
        await (await app.NewFacilitatorAsync()).CreateReviewAsync();

        Assert.Contains(app.Logs.Entries, e => e.Message.StartsWith("The keys that sign everyone's cookies are kept unencrypted", StringComparison.Ordinal));
        Assert.Contains("<masterKey", File.ReadAllText(Directory.EnumerateFiles(Path.Combine(_data.Path, "keys"), "*.xml").Single()), StringComparison.Ordinal);
    }

    private string MakeCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ReviewRoom keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_data.Path, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
