using System.Threading.Channels;
using Marketplace.Identity.Application.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Identity.Infrastructure.Email;

/// <summary>Delivers queued messages through SMTP (MailKit) or into the pickup folder, retrying a few times.</summary>
internal sealed partial class EmailDelivery(
    Channel<EmailMessage> queue,
    IOptions<EmailOptions> options,
    ILogger<EmailDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await DeliverAsync(ToMime(message), stoppingToken);
                    LogSent(logger, message.Subject);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && attempt < Backoff.Length)
                {
                    LogRetry(logger, ex, message.Subject, attempt + 1);
                    await Task.Delay(Backoff[attempt], stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogGaveUp(logger, ex, message.Subject);
                    break;
                }
            }
        }
    }

    private MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email sent: {Subject}")]
    private static partial void LogSent(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email delivery failed ({Subject}), attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, Exception ex, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery gave up: {Subject}")]
    private static partial void LogGaveUp(ILogger logger, Exception ex, string subject);
}
