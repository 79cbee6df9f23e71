using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using ReviewRoom.Infrastructure;

namespace ReviewRoom.Mail;

/// <summary>Sends letters over the organisation's SMTP server with MailKit, each on its own, on one connection.</summary>
public sealed class Postbox(IOptions<ReviewRoomOptions> options, ILogger<Postbox> log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private SmtpOptions Smtp => options.Value.Smtp;

    public bool IsOn => Smtp.IsOn;

    /// <summary>Returns the letters that could not be sent: all of them if the server could not be reached.</summary>
    public async Task<IReadOnlyList<Letter>> SendAsync(IReadOnlyList<Letter> letters, CancellationToken cancellation = default)
    {
        using var client = new SmtpClient { Timeout = (int)Patience.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(Smtp.Host!, Smtp.Port, Smtp.Security, cancellation);
            if (!string.IsNullOrEmpty(Smtp.Username))
            {
                await client.AuthenticateAsync(Smtp.Username, Smtp.Password ?? "", cancellation);
            }
        }
        catch (Exception failure) when (CouldNotSend(failure))
        {
            // Nobody's address is logged: only that the server would not take mail.
            log.LogWarning("The mail server {Host}:{Port} could not be used: {Failure}", Smtp.Host, Smtp.Port, failure.GetType().Name);
            return letters;
        }

        List<Letter> notSent = [];
        foreach (var letter in letters)
        {
            try
            {
                await client.SendAsync(MessageOf(letter), cancellation);
            }
            catch (Exception failure) when (CouldNotSend(failure))
            {
                log.LogWarning("The mail server did not take one letter: {Failure}", failure.GetType().Name);
                notSent.Add(letter);
                if (!client.IsConnected)
                {
                    return [.. notSent, .. letters.SkipWhile(l => l != letter).Skip(1)];
                }
            }
        }

        await client.DisconnectAsync(quit: true, cancellation);
        return notSent;
    }

    // The mail server away, refusing, or too slow: what a letter can meet on its way; anything else is a fault here.
    private static bool CouldNotSend(Exception failure) =>
        failure is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
            or SmtpCommandException or TimeoutException or OperationCanceledException;

    private MimeMessage MessageOf(Letter letter)
    {
        var body = new BodyBuilder { TextBody = letter.Body };
        foreach (var enclosure in letter.Enclosures)
        {
            body.Attachments.Add(enclosure.FileName, enclosure.Content, ContentType.Parse(enclosure.MediaType));
        }

        var message = new MimeMessage { Subject = letter.Subject, Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress(Smtp.FromName, Smtp.From!));
        message.To.Add(new MailboxAddress(letter.ToName, letter.ToAddress));
        return message;
    }
}
