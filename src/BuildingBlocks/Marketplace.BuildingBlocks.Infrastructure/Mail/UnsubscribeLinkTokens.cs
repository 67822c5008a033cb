using System.Buffers.Text;
using System.Security.Cryptography;
using Marketplace.BuildingBlocks.Application.Mail;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.BuildingBlocks.Infrastructure.Mail;

/// <summary>
/// Unsubscribe tokens sealed with the host's Data Protection keys (kept in the database, so every server reads every other's,
/// and old keys stay for reading after a rotation): authenticated encryption, so a token cannot be made or altered without the
/// keys. Links keep working as long as the mail does; there is nothing to expire.
/// </summary>
internal sealed class UnsubscribeLinkTokens(IDataProtectionProvider provider) : IUnsubscribeLinkTokens
{
    public string Seal(string purpose, ReadOnlySpan<byte> payload) => Base64Url.EncodeToString(provider.CreateProtector(purpose).Protect(payload.ToArray()));

    public byte[]? Open(string purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1_000)
        {
            return null;
        }

        try
        {
            return provider.CreateProtector(purpose).Unprotect(Base64Url.DecodeFromChars(token.Trim()));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
