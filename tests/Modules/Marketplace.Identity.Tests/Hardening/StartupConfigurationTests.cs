using System.Net;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Hardening;

/// <summary>What the host insists on outside Development, each checked by starting it (a host per test: these are start-up checks).</summary>
public sealed class StartupConfigurationTests
{
    private sealed class ProductionWithout(string section) : ProductionAppFactory
    {
        protected override string[] MissingCertificates => [section];
    }

    private sealed class ProductionWithoutPublicOrigin : ProductionAppFactory
    {
        protected override IDictionary<string, string?> ProductionSettings => new Dictionary<string, string?> { ["PublicOrigin"] = "" };
    }

    private sealed class ProductionOn(string origin, string allowedHosts = "*") : ProductionAppFactory
    {
        protected override IDictionary<string, string?> ProductionSettings => new Dictionary<string, string?>
        {
            ["PublicOrigin"] = origin,
            ["AllowedHosts"] = allowedHosts,
        };
    }

    private sealed class BadEmail : IdentityAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Email:From"] = "not an address" };
    }

    [Theory]
    [InlineData("Identity:SigningCertificate")]
    [InlineData("Identity:EncryptionCertificate")]
    [InlineData("Identity:DataProtectionCertificate")]
    public async Task Outside_development_the_host_refuses_to_start_without_each_certificate(string section)
    {
        var app = new ProductionWithout(section);
        await StartAndExpectFailureAsync(app, $"{section}:Path is not set");
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_a_public_origin()
    {
        var app = new ProductionWithoutPublicOrigin();
        await StartAndExpectFailureAsync(app, "PublicOrigin is not set");
    }

    [Fact]
    public async Task Outside_development_configured_certificates_sign_the_tokens_and_encrypt_the_key_ring_at_rest()
    {
        var app = new ProductionAppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
            (await http.GetStringAsync("/.well-known/jwks")).ShouldContain("\"kty\": \"RSA\"");

            // A key is made on first use; what is stored is the key encrypted with the certificate, never the key itself.
            var protectedText = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("secret");
            var keys = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync());
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml.Contains("EncryptedData") && xml.Contains("X509Certificate"));
            keys.ShouldAllBe(xml => !xml.Contains("masterKey") || !xml.Contains("<value>"));
            keys.ShouldAllBe(xml => !xml.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));

            // Another host with the same certificate reads the ring, as a second server or a restart does.
            await using var restarted = app.WithWebHostBuilder(_ => { });
            restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText).ShouldBe("secret");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task Outside_development_the_app_answers_only_its_public_host_and_the_hosts_the_operator_adds()
    {
        var app = new ProductionOn("https://marketplace.example", allowedHosts: "*;health.internal");
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            foreach (var (host, expected) in new[]
                     {
                         ("marketplace.example", HttpStatusCode.OK),
                         ("health.internal", HttpStatusCode.OK),
                         ("localhost", HttpStatusCode.BadRequest),
                         ("attacker.example", HttpStatusCode.BadRequest),
                     })
            {
                using var http = app.CreateClient(new() { BaseAddress = new Uri($"https://{host}") });
                using var response = await http.GetAsync("/health/live");
                response.StatusCode.ShouldBe(expected, host);
            }
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
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

    private static async Task StartAndExpectFailureAsync(IdentityAppFactory app, string message)
    {
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var failure = Should.Throw<InvalidOperationException>(() => app.Services);
            failure.Message.ShouldContain(message);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
