using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Identity.Infrastructure.Protocol;

/// <summary>
/// The data-protection key ring lives in the identity schema; outside Development its keys are encrypted there with the
/// operator's certificate, so a copy of the database alone forges no cookie and reads no protected token.
/// </summary>
internal static class KeyRingProtection
{
    public const string Section = "Identity:DataProtectionCertificate";

    public static void Configure(IDataProtectionBuilder dataProtection, IdentityModuleOptions options, IHostEnvironment environment)
    {
        if (IdentityModule.IsLocal(environment) && string.IsNullOrWhiteSpace(options.DataProtectionCertificate?.Path))
        {
            return;
        }

        const string purpose = "the keys that encrypt the data-protection key ring";
        var current = Certificates.Load(options.DataProtectionCertificate, Section, purpose);
        var previous = options.PreviousDataProtectionCertificates
            .Select((certificate, i) => Certificates.Load(certificate, $"Identity:PreviousDataProtectionCertificates:{i}", purpose));
        dataProtection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
    }
}
