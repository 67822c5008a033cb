using Marketplace.Testing;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Hardening;

public sealed class SecurityHeadersTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/no/such/page")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/api/v1/identity/me")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var browser = app.CreateSession();
        using var response = await browser.Http.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
    }

    [Fact]
    public async Task The_pages_have_no_inline_script()
    {
        using var browser = app.CreateSession();
        foreach (var page in new[] { "/Account/SignIn", "/Account/SignUp", "/Account/ForgotPassword" })
        {
            var document = await browser.GetPageAsync(page);
            document.Scripts.Where(s => string.IsNullOrEmpty(s.Source)).ShouldBeEmpty();
            document.QuerySelectorAll("[style]").ShouldBeEmpty();
        }
    }
}

/// <summary>UseHsts leaves out localhost, so this host's public origin has a real-looking name.</summary>
public sealed class NamedHostAppFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["PublicOrigin"] = "https://marketplace.example" };
}

public sealed class HstsTests(NamedHostAppFactory app) : IClassFixture<NamedHostAppFactory>
{
    [Fact]
    public async Task Https_responses_carry_hsts_when_https_is_required()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://marketplace.example"), AllowAutoRedirect = false });
        using var response = await client.GetAsync("/Account/SignIn");
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
    }
}
