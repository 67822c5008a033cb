namespace Marketplace.BuildingBlocks.Application.Mail;

/// <summary>
/// The tokens in the unsubscribe links of subscribed mail (alerts, digests): a small payload sealed so that nobody can make or
/// alter one without the host's keys, and opened again by the link's page without signing in. Each kind of mail names its own
/// purpose, so a token of one kind opens nothing of another.
/// </summary>
public interface IUnsubscribeLinkTokens
{
    string Seal(string purpose, ReadOnlySpan<byte> payload);

    /// <summary>The payload, or null when the token is missing, altered, of another purpose or not a token at all.</summary>
    byte[]? Open(string purpose, string? token);
}
