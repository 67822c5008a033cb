using System.Text.Json;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

/// <summary>Encrypts what a message says (its links carry tokens) with Data Protection, whose keys the host keeps in the database.</summary>
public sealed class MailContentProtector(IDataProtectionProvider provider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = provider.CreateProtector("Marketplace.Mail.Content.v1");

    public string Protect(MailContent content) => _protector.Protect(JsonSerializer.Serialize(content, Json));

    public MailContent Unprotect(string payload) =>
        JsonSerializer.Deserialize<MailContent>(_protector.Unprotect(payload), Json) ?? throw new InvalidOperationException("A stored mail has no content.");
}

/// <summary>
/// The scoped <see cref="IMailOutbox"/>: collects what a handler sends, which the unit of work (or an event delivery) then
/// writes to mail.messages in its own transaction, through its module's connection, and hands to the sender after commit.
/// </summary>
public sealed partial class MailOutbox(MailContentProtector protector, TimeProvider clock, ILogger<MailOutbox> logger) : IMailOutbox, IDisposable
{
    private const string Insert = """
        INSERT INTO mail.messages (id, module, recipient, subject, protected_content, status, attempts, created_at)
        VALUES ({0}, {1}, {2}, {3}, {4}, 'pending', 0, {5})
        """;

    private readonly List<MailMessage> _pending = [];

    public void Send(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!MailboxAddress.TryParse(message.To, out _))
        {
            throw new ArgumentException($"'{message.To}' is not a mail address.", nameof(message));
        }

        if (string.IsNullOrWhiteSpace(message.Subject) || message.Subject.Length > 300)
        {
            throw new ArgumentException("A message needs a subject of at most 300 characters.", nameof(message));
        }

        var links = new[] { message.Action?.Url, message.UnsubscribeUrl }.Concat((message.Items ?? []).Select(i => i.Url));
        if (links.Any(link => link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")))
        {
            throw new ArgumentException($"The links of '{message.Subject}' must be absolute http(s) URLs built from the configured origin.", nameof(message));
        }

        _pending.Add(message);
    }

    /// <summary>Stores the pending messages in the context's current transaction; returns their ids, to send after commit.</summary>
    public async Task<IReadOnlyList<Guid>> FlushIntoAsync(ModuleDbContext context, string module, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(_pending.Count);
        var now = clock.GetUtcNow();
        foreach (var message in _pending)
        {
            var id = Guid.CreateVersion7(now);
            var content = protector.Protect(new MailContent(message.Paragraphs, message.Action, message.Note, message.Items, message.UnsubscribeUrl));
            await context.Database.ExecuteSqlRawAsync(Insert, [id, module, message.To.Trim(), message.Subject, content, now], cancellationToken);
            ids.Add(id);
        }

        _pending.Clear();
        return ids;
    }

    public void Discard() => _pending.Clear();

    public void Dispose()
    {
        if (_pending.Count > 0)
        {
            // Only a command's unit of work or an event delivery stores mail; anywhere else it would vanish unnoticed.
            LogLost(logger, _pending.Count, string.Join(", ", _pending.Select(m => m.Subject)));
            _pending.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} mail(s) were never stored, because no unit of work ran after they were sent: {Subjects}")]
    private static partial void LogLost(ILogger logger, int count, string subjects);
}
