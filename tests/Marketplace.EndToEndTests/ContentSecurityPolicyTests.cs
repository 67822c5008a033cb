using Marketplace.BuildingBlocks.Application;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>The strict Content-Security-Policy must not break the pages a real browser renders.</summary>
public sealed class ContentSecurityPolicyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_account_pages_and_the_admin_dashboard_render_without_policy_violations()
    {
        await app.CreateAccountAsync("csp.admin@example.com", Roles.Admin);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "/", "/Account/SignUp", "/Account/ForgotPassword", "/Account/SignIn" })
        {
            await page.GotoAsync(path);
        }

        await page.GetByLabel("Email").FillAsync("csp.admin@example.com");
        await page.GetByLabel("Password").FillAsync(ApiAccess.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage", PageChecks.Arrived);
        await page.GotoAsync("/hangfire/recurring");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.ContentAsync()).ShouldContain("outbox-sweep");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), "hangfire-admin.png") });

        violations.ShouldBeEmpty();
    }
}
