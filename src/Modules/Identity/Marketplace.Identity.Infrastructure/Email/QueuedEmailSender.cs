using System.Threading.Channels;
using Marketplace.Identity.Application.Email;

namespace Marketplace.Identity.Infrastructure.Email;

/// <summary>Puts messages on an in-process queue that <see cref="EmailDelivery"/> drains.</summary>
internal sealed class QueuedEmailSender(Channel<EmailMessage> queue) : IEmailSender
{
    public ValueTask SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(message, cancellationToken);
}
