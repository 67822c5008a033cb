using System.Security.Cryptography;

namespace Marketplace.Matching.Application.Candidates;

/// <summary>
/// How a company names a candidate it may not know yet: a key that is the profile id encrypted (AES, one block) under a key of the
/// posting's own, so it is stable on the posting's pages and in its API, means nothing on another posting, cannot be made without
/// the secret, and turns back into the profile only on the server. The label ("Candidate 7F3A") is the key's first characters.
/// </summary>
public sealed class CandidatePseudonyms(byte[] secret)
{
    public const int KeyLength = 32;

    private readonly byte[] _secret = secret.Length >= 32 ? secret : throw new ArgumentException("the secret has at least 256 bits", nameof(secret));

    public string KeyOf(Guid postingId, Guid profileId)
    {
        using var aes = AesFor(postingId);
        return Convert.ToHexStringLower(aes.EncryptEcb(profileId.ToByteArray(), PaddingMode.None));
    }

    /// <summary>The profile a key names on this posting; null for anything that is not a key of it.</summary>
    public Guid? ProfileOf(Guid postingId, string? key)
    {
        if (key is not { Length: KeyLength } || !key.All(Uri.IsHexDigit))
        {
            return null;
        }

        using var aes = AesFor(postingId);
        return new Guid(aes.DecryptEcb(Convert.FromHexString(key), PaddingMode.None));
    }

    public static string LabelOf(string key) => $"Candidate {key[..4].ToUpperInvariant()}";

    private Aes AesFor(Guid postingId)
    {
        var aes = Aes.Create();
        aes.Key = HMACSHA256.HashData(_secret, postingId.ToByteArray())[..16];
        return aes;
    }
}
