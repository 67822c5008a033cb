using System.ComponentModel;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

/// <summary>Starts the sending of stored messages as soon as the transaction that stored them has committed.</summary>
public interface IMailSendTrigger
{
    void SendAfterCommit(IReadOnlyList<Guid> mailIds);
}

public sealed partial class HangfireMailSendTrigger(IBackgroundJobClient jobs, ILogger<HangfireMailSendTrigger> logger) : IMailSendTrigger
{
    public void SendAfterCommit(IReadOnlyList<Guid> mailIds)
    {
        foreach (var id in mailIds)
        {
            try
            {
                jobs.Enqueue<MailDelivery>(delivery => delivery.SendAsync(id, CancellationToken.None));
            }
            catch (Exception exception)
            {
                // The message is stored: the sweep sends it.
                LogNotTriggered(logger, exception, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the sending of mail {MailId}; the sweep will send it")]
    private static partial void LogNotTriggered(ILogger logger, Exception exception, Guid mailId);
}

/// <summary>A message that could not be handed to the mail server; Hangfire retries the job, and shows it as failed in the end.</summary>
public sealed class MailNotSentException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Hangfire jobs that send stored messages. A send locks the message's row, so two runs of one job never both send it,
/// and records it as sent in the same transaction, so a job that runs again (Hangfire is at-least-once) sends nothing.
/// Only a crash between the mail server's answer and that commit can send a message twice; its Message-Id stays the same.
/// </summary>
public sealed partial class MailDelivery(
    MailDbContext db,
    MailContentProtector protector,
    IMailTransport transport,
    IOptions<MailOptions> options,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<MailDelivery> logger)
{
    public const int RetryAttempts = 8;

    /// <summary>The first try and every retry; then the message is marked failed and its job stays in Hangfire's failed list.</summary>
    public const int MaxAttempts = RetryAttempts + 1;

    /// <summary>A message never tried after this long was stored by a process that stopped before it could enqueue the send.</summary>
    public static readonly TimeSpan SweepAfter = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan SentRetention = TimeSpan.FromDays(30);

    [DisplayName("Send mail {0}")]
    [AutomaticRetry(Attempts = RetryAttempts, DelaysInSeconds = [15, 60, 300, 900, 1800, 3600, 7200, 14400], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task SendAsync(Guid mailId, CancellationToken cancellationToken) => await TrySendAsync(mailId, cancellationToken);

    /// <summary>Sends the message unless it is gone or already sent; true when this call sent it.</summary>
    public async Task<bool> TrySendAsync(Guid mailId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mail = await db.Messages.FromSql($"SELECT * FROM mail.messages WHERE id = {mailId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (mail is null || mail.Status == MailStatus.Sent)
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        mail.Attempts++;
        mail.LastAttemptAt = clock.GetUtcNow();
        try
        {
            await transport.SendAsync(ToMime(mail), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            mail.LastError = error.Length <= 2000 ? error : error[..2000];
            if (mail.Attempts >= MaxAttempts)
            {
                mail.Status = MailStatus.Failed;
                LogGaveUp(logger, exception, mail.Id, mail.Subject, mail.Recipient, mail.Attempts);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            throw new MailNotSentException($"Mail {mail.Id} ('{mail.Subject}' to {mail.Recipient}) was not sent, attempt {mail.Attempts} of {MaxAttempts}: {exception.Message}", exception);
        }

        mail.Status = MailStatus.Sent;
        mail.SentAt = clock.GetUtcNow();
        mail.LastError = null;
        // Once the server took it, recording that must not be cancelled.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        LogSent(logger, mail.Id, mail.Subject);
        return true;
    }

    /// <summary>The safety net: sends what a stopped process left unsent, and forgets sent messages past their retention.</summary>
    [DisplayName("Send mail left waiting")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken) => await EnqueueWaitingAsync(SweepAfter, cancellationToken);

    /// <summary>At start-up: whatever was never tried was left by a stopped process (or is queued elsewhere, and sends once anyway).</summary>
    [DisplayName("Send mail left waiting at start-up")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAtStartupAsync(CancellationToken cancellationToken) => await EnqueueWaitingAsync(TimeSpan.Zero, cancellationToken);

    public async Task<int> EnqueueWaitingAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Messages.Where(m => m.Status == MailStatus.Sent && m.SentAt < now - SentRetention).ExecuteDeleteAsync(cancellationToken);
        var waiting = await db.Messages.AsNoTracking()
            .Where(m => m.Status == MailStatus.Pending && m.Attempts == 0 && m.CreatedAt <= now - olderThan)
            .OrderBy(m => m.CreatedAt)
            .Select(m => m.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var id in waiting)
        {
            jobs.Enqueue<MailDelivery>(delivery => delivery.SendAsync(id, CancellationToken.None));
        }

        return waiting.Count;
    }

    private MimeMessage ToMime(OutgoingMail mail)
    {
        var content = protector.Unprotect(mail.ProtectedContent);
        var (html, text) = MailLayout.Render(mail.Subject, content);
        var from = MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id:N}@{from.Domain}" };
        if (content.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients offer "unsubscribe" and POST "List-Unsubscribe=One-Click" to the link, without a browser.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent: {Subject}")]
    private static partial void LogSent(ILogger logger, Guid mailId, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} ('{Subject}' to {Recipient}) gave up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid mailId, string subject, string recipient, int attempts);
}
