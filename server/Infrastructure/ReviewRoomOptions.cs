using System.ComponentModel.DataAnnotations;

namespace ReviewRoom.Infrastructure;

/// <summary>Settings from the "ReviewRoom" configuration section; every one has a working default.</summary>
public sealed class ReviewRoomOptions
{
    public const string Section = "ReviewRoom";

    /// <summary>Where the LiteDB file lives. Relative paths are taken from the app's content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>The folder of meeting templates (*.md).</summary>
    [Required]
    public string TemplatesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates");

    public string DatabaseFile => Path.Combine(DataPath, "reviewroom.db");

    /// <summary>Closed reviews whose meeting was longer ago than this many months are deleted; unset, they are kept until deleted by hand.</summary>
    [Range(1, 1200)]
    public int? RetentionMonths { get; set; }

    /// <summary>Where reviews are kept: the embedded LiteDB file (the default), or PostgreSQL, for more than one server.</summary>
    public StoreEngine Store { get; set; } = StoreEngine.LiteDb;

    /// <summary>Redis, such as "localhost:6379", for SignalR's backplane when more than one server serves the same reviews.</summary>
    public string? Redis { get; set; }

    /// <summary>The PostgreSQL connection string, for <c>Store = PostgreSql</c>.</summary>
    public string? PostgreSql { get; set; }

    /// <summary>Where backups made while the server runs are written; the "backups" folder in the data folder when unset.</summary>
    public string? BackupPath { get; set; }

    public string BackupFolder => BackupPath ?? Path.Combine(DataPath, "backups");

    /// <summary>How many pages LiteDB's log holds before it is moved into the data file; LiteDB's own default when unset.</summary>
    [Range(1, 100_000)]
    public int? CheckpointPages { get; set; }

    /// <summary>How long a review nobody changes or reads stays in memory; a closed one leaves sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleReviewsLeaveAfter { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClosedReviewsLeaveAfter { get; set; } = TimeSpan.FromMinutes(1);

    public ChangeLimits Limits { get; set; } = new();

    /// <summary>Facilitators signing in with their organisation's account; off unless an authority is set.</summary>
    public OrganisationSignInOptions OrganisationSignIn { get; set; } = new();

    /// <summary>The mail server the minutes are sent by; without a host, they are not offered by e-mail.</summary>
    public Mail.SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// The address people reach ReviewRoom at, such as "https://reviews.example.gov.uk", for every
    /// invitation link and QR code; without it, the address each request came to.
    /// </summary>
    [Url]
    public string? PublicAddress { get; set; }

    /// <summary>
    /// The reverse proxies (addresses, or networks such as "10.0.0.0/8") whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed; the server's own machine is always one. Anyone else's are ignored.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Outside Development, cookies are sent over HTTPS only. True lets them go over plain HTTP, to try
    /// ReviewRoom on one machine without a certificate; never in a deployment.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the cookie keys kept beside the data; without one they are kept unencrypted.</summary>
    public string? KeysCertificate { get; set; }

    public string? KeysCertificatePassword { get; set; }
}

public enum StoreEngine
{
    LiteDb,
    PostgreSql,
}

/// <summary>
/// The organisation's OpenID Connect provider (Microsoft Entra ID, Okta, Keycloak…). Its users may
/// facilitate once an administrator has added their e-mail address as a facilitator.
/// </summary>
public sealed class OrganisationSignInOptions
{
    /// <summary>The provider's address, such as "https://login.microsoftonline.com/{tenant}/v2.0".</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button names, such as "Example Council".</summary>
    public string DisplayName { get; set; } = "your organisation";

    /// <summary>False only for a provider on this machine without TLS, as in the tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>False to sign in with the organisation's account only: the password form goes.</summary>
    public bool LocalPasswords { get; set; } = true;

    public bool IsOn => !string.IsNullOrEmpty(Authority);
}

/// <summary>
/// How fast one participant may go: every hub call and form post takes a token; a full bucket lets
/// someone add a burst of cards quickly, then it refills at a steady rate. Human speed is far below it.
/// </summary>
public sealed class ChangeLimits
{
    [Range(1, 1_000_000)]
    public int ChangeBurst { get; set; } = 30;

    [Range(0.1, 1_000_000)]
    public double ChangesPerSecond { get; set; } = 3;

    /// <summary>Posts one address may make in a minute to the doors that can be guessed at: sign-in, setup, joining by code, the lobby.</summary>
    [Range(1, 1_000_000)]
    public int DoorPostsPerMinute { get; set; } = 60;

    /// <summary>Tabs and devices one participant may have connected to one review at once.</summary>
    [Range(1, 100)]
    public int ConnectionsPerParticipant { get; set; } = 5;
}

