using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Jobs.Application.Companies;

/// <summary>Invitation tokens: 256 random bits, URL-safe; only their SHA-256 is stored, so a database leak opens no invitation.</summary>
public static class InvitationTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
