using System.Buffers.Text;
using System.Security.Cryptography;
using Marketplace.Jobs.Application.SavedSearches;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Jobs.Infrastructure.Alerts;

/// <summary>
/// Unsubscribe tokens sealed with the host's Data Protection keys (kept in the database, so every server reads every
/// other's, and old keys stay for reading after a rotation): authenticated encryption of who and what, so a token cannot
/// be made or altered without the keys. Links keep working as long as alerts do; there is nothing to expire.
/// </summary>
internal sealed class UnsubscribeTokens(IDataProtectionProvider provider) : IUnsubscribeTokens
{
    private readonly IDataProtector _protector = provider.CreateProtector("Marketplace.Jobs.AlertUnsubscribe.v1");

    public string For(AlertSubscription subscription)
    {
        var payload = new byte[32];
        subscription.UserId.TryWriteBytes(payload.AsSpan(0, 16));
        (subscription.SearchId ?? Guid.Empty).TryWriteBytes(payload.AsSpan(16, 16));
        return Base64Url.EncodeToString(_protector.Protect(payload));
    }

    public AlertSubscription? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1_000)
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(Base64Url.DecodeFromChars(token.Trim()));
            if (payload.Length != 32)
            {
                return null;
            }

            var search = new Guid(payload.AsSpan(16, 16));
            return new AlertSubscription(new Guid(payload.AsSpan(0, 16)), search == Guid.Empty ? null : search);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
