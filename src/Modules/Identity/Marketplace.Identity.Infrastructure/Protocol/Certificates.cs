using System.Security.Cryptography.X509Certificates;

namespace Marketplace.Identity.Infrastructure.Protocol;

/// <summary>The operator's PKCS#12 files; a missing one stops the host at start-up with the setting to fix.</summary>
internal static class Certificates
{
    public static X509Certificate2 Load(CertificateOptions? certificate, string section, string purpose)
    {
        if (string.IsNullOrWhiteSpace(certificate?.Path))
        {
            throw new InvalidOperationException(
                $"{section}:Path is not set. Outside development {purpose} come from PKCS#12 certificates ({section}:Path and {section}:Password).");
        }

        if (!File.Exists(certificate.Path))
        {
            throw new InvalidOperationException($"{section}:Path '{certificate.Path}' does not exist.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password, X509KeyStorageFlags.EphemeralKeySet);
    }
}
