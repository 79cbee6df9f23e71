using MailKit.Security;

namespace ReviewRoom.Mail;

/// <summary>
/// The organisation's mail server, for sending the minutes to the people the person chose; off
/// (and the button not shown) unless a host and a from address are set.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: Auto (the default), StartTls, SslOnConnect, or None on a trusted network only.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Signs in to the mail server when set.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The address the minutes come from, such as "reviews@example.gov.uk".</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "ReviewRoom";

    public bool IsOn => !string.IsNullOrEmpty(Host) && !string.IsNullOrEmpty(From);
}
