using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Jobs.Application.SavedSearches;

namespace Marketplace.Jobs.Infrastructure.Alerts;

/// <summary>The alerts' unsubscribe tokens: who, and which search (none: all of them), sealed by the mail building block.</summary>
internal sealed class UnsubscribeTokens(IUnsubscribeLinkTokens tokens) : IUnsubscribeTokens
{
    private const string Purpose = "Marketplace.Jobs.AlertUnsubscribe.v1";

    public string For(AlertSubscription subscription)
    {
        Span<byte> payload = stackalloc byte[32];
        subscription.UserId.TryWriteBytes(payload[..16]);
        (subscription.SearchId ?? Guid.Empty).TryWriteBytes(payload[16..]);
        return tokens.Seal(Purpose, payload);
    }

    public AlertSubscription? Read(string? token)
    {
        if (tokens.Open(Purpose, token) is not { Length: 32 } payload)
        {
            return null;
        }

        var search = new Guid(payload.AsSpan(16, 16));
        return new AlertSubscription(new Guid(payload.AsSpan(0, 16)), search == Guid.Empty ? null : search);
    }
}
