using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Infrastructure.Protocol;

/// <summary>
/// Token signing and encryption keys. Development and tests: self-signed certificates generated once under the data folder, so
/// tokens survive a restart. Elsewhere: configured PKCS#12 files, without which the host refuses to start.
/// </summary>
internal static class SigningKeys
{
    public static void Configure(OpenIddictServerBuilder server, IdentityModuleOptions options, IHostEnvironment environment, string dataDirectory)
    {
        if (IdentityModule.IsLocal(environment) && options.SigningCertificate?.Path is null)
        {
            var folder = Path.Combine(dataDirectory, "keys");
            server.AddSigningCertificate(LoadOrCreate(Path.Combine(folder, "oidc-signing.pfx"), X509KeyUsageFlags.DigitalSignature));
            server.AddEncryptionCertificate(LoadOrCreate(Path.Combine(folder, "oidc-encryption.pfx"), X509KeyUsageFlags.KeyEncipherment));
            return;
        }

        const string purpose = "the token signing and encryption keys";
        server.AddSigningCertificate(Certificates.Load(options.SigningCertificate, "Identity:SigningCertificate", purpose));
        server.AddEncryptionCertificate(Certificates.Load(options.EncryptionCertificate, "Identity:EncryptionCertificate", purpose));
    }

    private static X509Certificate2 LoadOrCreate(string path, X509KeyUsageFlags usage)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN=Marketplace development {usage}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
            try
            {
                // Several test hosts may start at once: the first file in wins, the others load it.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
