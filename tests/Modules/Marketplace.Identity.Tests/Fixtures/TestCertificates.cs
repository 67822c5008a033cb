using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Marketplace.Identity.Tests.Fixtures;

/// <summary>Self-signed PKCS#12 files standing for the operator's certificates outside Development.</summary>
public static class TestCertificates
{
    public const string Password = "test";

    /// <summary>The sections an operator sets outside Development, each pointing at a certificate written into <paramref name="folder"/>.</summary>
    public static readonly string[] Sections = ["Identity:SigningCertificate", "Identity:EncryptionCertificate", "Identity:DataProtectionCertificate"];

    public static Dictionary<string, string?> WriteAll(string folder, params string[] except)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var section in Sections.Except(except))
        {
            var path = Path.Combine(folder, section.Split(':')[1] + ".pfx");
            Write(path, section.Contains("Signing", StringComparison.Ordinal) ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment);
            settings[section + ":Path"] = path;
            settings[section + ":Password"] = Password;
        }

        return settings;
    }

    public static void Write(string path, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=test " + Path.GetFileNameWithoutExtension(path), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
    }
}

/// <summary>
/// The host as it runs outside Development ("Production"): HTTPS, the operator's certificates and a public origin of
/// https://localhost (where the test client talks), so AllowedHosts is "localhost".
/// </summary>
public class ProductionAppFactory : IdentityAppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("marketplace-certs").FullName;
    private Dictionary<string, string?>? _certificates;

    protected override string Environment => "Production";

    protected virtual string[] MissingCertificates => [];

    protected virtual IDictionary<string, string?> ProductionSettings => new Dictionary<string, string?>();

    protected sealed override IDictionary<string, string?> Settings
    {
        get
        {
            // Written once: a second host of this factory (a restart) must find the same certificates.
            var settings = new Dictionary<string, string?>(_certificates ??= TestCertificates.WriteAll(_folder, MissingCertificates));
            foreach (var (key, value) in ProductionSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A clock that runs with real time plus an offset a test moves forward, to live through days in a few requests.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
