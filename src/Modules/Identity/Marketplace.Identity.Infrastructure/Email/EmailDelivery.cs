using System.Threading.Channels;
using Marketplace.Identity.Application.Email;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Identity.Infrastructure.Email;

/// <summary>
/// Delivers queued messages through the mail block's transport, retrying a few times. In memory: a message is lost when the
/// process stops. The account mails still use it until they move onto <see cref="Marketplace.BuildingBlocks.Application.Mail.IMailOutbox"/>.
/// </summary>
internal sealed partial class EmailDelivery(
    Channel<EmailMessage> queue,
    IMailTransport transport,
    IOptions<MailOptions> options,
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
                    await transport.SendAsync(ToMime(message), stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Email sent: {Subject}")]
    private static partial void LogSent(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email delivery failed ({Subject}), attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, Exception ex, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email delivery gave up: {Subject}")]
    private static partial void LogGaveUp(ILogger logger, Exception ex, string subject);
}
