namespace Marketplace.Identity.Application.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>
/// Hands a message over for delivery. Delivery happens in the background, so an answer takes as long whether or
/// not a mail was sent (which would otherwise tell a registered email from an unknown one).
/// </summary>
public interface IEmailSender
{
    ValueTask SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
