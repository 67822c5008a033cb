using System.ComponentModel.DataAnnotations;

namespace Marketplace.Identity.Infrastructure;

/// <summary>The "Identity" configuration section.</summary>
public sealed class IdentityModuleOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// HTTPS only: <c>__Host-</c> cookies marked Secure, HSTS, and OpenIddict's transport-security check. On by default
    /// outside Development; off in Development so the app runs on plain http://127.0.0.1 (where a browser would drop a
    /// <c>__Host-</c> cookie that cannot be Secure).
    /// </summary>
    public bool? RequireHttps { get; set; }

    public string CookiePrefix => RequireHttps == true ? "__Host-" : "";

    /// <summary>Seeds a job seeker, an employer and an admin with known passwords and prints them (build/run.sh).</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>Redirect URIs of the first-party public client "marketplace-spa" (authorization code + PKCE).</summary>
    public string[]? PublicClientRedirectUris { get; set; }

    /// <summary>How long a session lives without a request; each request (past half of it) starts it again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a session lives from its sign-in at most, however active: then the user signs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromDays(7);

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Production signing certificate (PKCS#12); development keys are generated under the data folder.</summary>
    public CertificateOptions? SigningCertificate { get; set; }

    /// <summary>Production encryption certificate (PKCS#12).</summary>
    public CertificateOptions? EncryptionCertificate { get; set; }

    /// <summary>
    /// Encrypts the data-protection key ring at rest (the keys behind cookies, antiforgery and account-link tokens); required
    /// outside Development (PKCS#12).
    /// </summary>
    public CertificateOptions? DataProtectionCertificate { get; set; }

    /// <summary>Certificates that encrypted older keys, kept to read them after a certificate change.</summary>
    public CertificateOptions[] PreviousDataProtectionCertificates { get; set; } = [];
}

public sealed class CertificateOptions
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}

/// <summary>Requests per client address and window; beyond that the answer is 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 100_000)]
    public int SignInPerWindow { get; set; } = 10;

    [Range(1, 100_000)]
    public int SignUpPerWindow { get; set; } = 5;

    [Range(1, 100_000)]
    public int PasswordResetPerWindow { get; set; } = 5;

    [Range(1, 100_000)]
    public int TokenPerWindow { get; set; } = 30;

    /// <summary>The account pages' forms that check the password: change password, change email, delete account.</summary>
    [Range(1, 100_000)]
    public int AccountPasswordPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
