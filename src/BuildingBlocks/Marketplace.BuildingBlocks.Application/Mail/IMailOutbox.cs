namespace Marketplace.BuildingBlocks.Application.Mail;

/// <summary>A button in a message: what it says and where it leads (an absolute link built from the configured origin).</summary>
public sealed record MailAction(string Label, string Url);

/// <summary>One entry of a list of links in a message (a digest's postings): its title links to it, a line of detail below.</summary>
public sealed record MailItem(string Title, string Url, string? Detail = null);

/// <summary>
/// A message as its sender states it: paragraphs of plain text, at most one action link, a list of linked items, and a
/// closing note in small print. The shared layout renders the HTML and the plain-text part from it. A message people
/// subscribed to (alerts, digests) names its <see cref="UnsubscribeUrl"/>: a link that stops it without signing in, put in
/// the footer and in the List-Unsubscribe headers of RFC 8058, whose one-click POST it must accept.
/// </summary>
public sealed record MailMessage(
    string To,
    string Subject,
    IReadOnlyList<string> Paragraphs,
    MailAction? Action = null,
    string? Note = null,
    IReadOnlyList<MailItem>? Items = null,
    string? UnsubscribeUrl = null);

/// <summary>
/// Sends mail as part of the current unit of work: a message is stored in the same transaction as the change that causes
/// it (its content encrypted, since links carry tokens) and sent by a background job after the commit, with retries; a
/// rolled-back change sends nothing, and a message is sent once even when the job runs again.
/// </summary>
public interface IMailOutbox
{
    void Send(MailMessage message);
}
