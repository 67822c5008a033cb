using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Hardening;

public sealed class StartupConfigurationTests
{
    private sealed class ProductionWithoutCertificates : IdentityAppFactory
    {
        protected override string Environment => "Production";
    }

    private sealed class ProductionWithCertificates(string folder) : IdentityAppFactory
    {
        protected override string Environment => "Production";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Identity:SigningCertificate:Path"] = Path.Combine(folder, "signing.pfx"),
            ["Identity:SigningCertificate:Password"] = "test",
            ["Identity:EncryptionCertificate:Path"] = Path.Combine(folder, "encryption.pfx"),
            ["Identity:EncryptionCertificate:Password"] = "test",
        };
    }

    private sealed class WithConfiguredAdmin : IdentityAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["MARKETPLACE_ADMIN_EMAIL"] = "first.admin@example.com",
            ["MARKETPLACE_ADMIN_PASSWORD"] = "the first admin's long passphrase",
        };
    }

    private sealed class BadEmail : IdentityAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:From"] = "not an address" };
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_token_certificates()
    {
        await using var app = new ProductionWithoutCertificates();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var failure = Should.Throw<InvalidOperationException>(() => app.Services);
            failure.Message.ShouldContain("Identity:SigningCertificate:Path is not set");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Outside_development_configured_certificates_sign_the_tokens()
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-certs").FullName;
        WriteCertificate(Path.Combine(folder, "signing.pfx"), X509KeyUsageFlags.DigitalSignature);
        WriteCertificate(Path.Combine(folder, "encryption.pfx"), X509KeyUsageFlags.KeyEncipherment);
        var app = new ProductionWithCertificates(folder);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
            var jwks = await http.GetStringAsync("/.well-known/jwks");
            jwks.ShouldContain("\"kty\": \"RSA\"");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_email_configuration_stops_the_start()
    {
        var app = new BadEmail();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services);
            failure.Message.ShouldContain("Email:From");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task The_first_admin_comes_from_configuration_and_may_open_the_dashboard()
    {
        var app = new WithConfiguredAdmin();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var admin = app.CreateSession();
            await admin.SignInOrThrowAsync("first.admin@example.com", "the first admin's long passphrase");
            using var dashboard = await admin.Http.GetAsync("/hangfire");
            dashboard.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static void WriteCertificate(string path, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "test"));
    }
}
