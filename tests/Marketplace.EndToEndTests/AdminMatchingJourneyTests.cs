using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Jobs.Contracts;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>The host of this journey cuts a full rematch into a batch a posting, so the progress bar has steps to take.</summary>
public sealed class AdminMatchingFixture : BrowserAppFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matching:PostingsPerBatch", "1");
    }
}

/// <summary>
/// The admin's side of matching in Chromium: start a full rematch at /Admin/Matching and watch the progress bar (moved by the
/// page's script) reach 100 %, then the run drawn among the last runs. The page passes axe and fits a phone.
/// </summary>
public sealed class AdminMatchingJourneyTests(AdminMatchingFixture app) : IClassFixture<AdminMatchingFixture>
{
    private const string Password = "a sturdy passphrase for matching 3";

    [Fact]
    public async Task An_admin_starts_a_full_rematch_and_watches_the_progress_bar_reach_100_percent()
    {
        await PublishPostingsAsync(8);
        await app.CreateAccountAsync("e2e.matching.admin@example.com", Roles.Admin, Password);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var admin = await context.NewPageAsync();
        await admin.GotoAsync("/Account/SignIn");
        await admin.GetByLabel("Email").FillAsync("e2e.matching.admin@example.com");
        await admin.GetByLabel("Password").FillAsync(Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), PageChecks.Arrived);
        await admin.GotoAsync("/Admin/Matching");
        (await admin.GetByTestId("current-run").TextContentAsync())!.ShouldContain("No run yet");
        await admin.GetByTestId("start-rematch").ClickAsync();
        (await admin.GetByTestId("notice").TextContentAsync())!.ShouldContain("A full rematch was started");

        // The script follows the run without a reload by hand; a bound on waiting, not a speed check.
        await admin.GetByTestId("progress-percent").Filter(new() { HasText = "100 %" }).WaitForAsync(new() { Timeout = 90_000 });
        await admin.GetByTestId("runs-chart").WaitForAsync(new() { Timeout = 30_000 });
        (await admin.GetByTestId("progress-text").TextContentAsync())!.ShouldContain("9 of 9 batches done");
        (await admin.GetByTestId("progress-bar").GetAttributeAsync("value")).ShouldBe("9");
        await admin.AssertUsableAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), "admin-matching.png"), FullPage = true });

        // The Hangfire dashboard is open to this admin (and, by the authorization matrix, to nobody else).
        var dashboard = await admin.GotoAsync("/hangfire");
        dashboard!.Status.ShouldBe(200);
    }

    // Postings as the Jobs module announces them (its outbox, relayed), so matching has open postings to rematch.
    private async Task PublishPostingsAsync(int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var jobs = catalog.ResolveContext(scope.ServiceProvider, catalog.Get("jobs"));
        var outbox = scope.ServiceProvider.GetRequiredService<IntegrationEventOutbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Publish(new PostingPublished(Guid.NewGuid(), DateTimeOffset.UtcNow, new PostingSnapshot(
                Guid.NewGuid(), 1, Guid.NewGuid(), $"Backend developer {i}", "Acme", "Published", "Senior", "Remote", [], [],
                new PostingSalary(60000, 80000, "EUR", "Year", 60000, 80000),
                [new PostingSkillRequirement(i % 2 == 0 ? "csharp" : "postgresql", 3, 5, true, false)],
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30))));
        }

        outbox.FlushInto(jobs);
        await jobs.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<OutboxRelay>().RelayPendingAsync("jobs", CancellationToken.None);
    }
}
