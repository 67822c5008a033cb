using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.Jobs.Infrastructure.Alerts;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>
/// The Jobs pages in Chromium: an employer drafts a posting with skills typed as people write them and publishes it; an
/// anonymous visitor finds it from the front page with "k8s remote senior"; a seeker saves that search and receives the
/// alert mail when a second such posting is published; an admin's moderation queue. Every page passes axe and fits a phone.
/// </summary>
public sealed partial class JobsJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Password = "a sturdy passphrase for jobs 7";

    [Fact]
    public async Task An_employer_publishes_a_visitor_finds_it_and_a_seeker_is_alerted_to_the_next()
    {
        await app.CreateAccountAsync("e2e.employer@example.com", Roles.Employer, Password);
        await app.CreateAccountAsync("e2e.alerted@example.com", Roles.JobSeeker, Password);

        await using var employerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var employer = await employerContext.NewPageAsync();
        await SignInAsync(employer, "e2e.employer@example.com");
        await WritePostingAsync(employer, "Senior Platform Engineer", publish: false);
        (await employer.GetByTestId("posting-notice").TextContentAsync())!.ShouldContain("saved as a draft");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Publish Senior Platform Engineer" }).ClickAsync();
        await employer.GetByTestId("posting-notice").WaitForAsync();
        (await employer.GetByTestId("managed-postings").TextContentAsync())!.ShouldContain("Published");
        await employer.AssertUsableAsync();
        await Screenshot(employer, "employer-postings.png");

        await using (var visitorContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl }))
        {
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync("/");
            await visitor.AssertUsableAsync();
            await Screenshot(visitor, "front-page.png");
            await visitor.GetByLabel("Search jobs").FillAsync("k8s remote senior");
            await visitor.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await visitor.WaitForURLAsync(url => url.Contains("/Jobs?", StringComparison.Ordinal), PageChecks.Arrived);
            var results = visitor.GetByTestId("results");
            (await results.TextContentAsync())!.ShouldContain("Senior Platform Engineer");
            (await results.TextContentAsync())!.ShouldContain("Kubernetes");
            await visitor.AssertUsableAsync();
            await Screenshot(visitor, "job-search.png");

            await results.GetByRole(AriaRole.Link, new() { Name = "Senior Platform Engineer" }).ClickAsync();
            await visitor.GetByTestId("posting-title").WaitForAsync();
            (await visitor.Locator("main").TextContentAsync())!.ShouldContain("Kube Works");
            await visitor.AssertUsableAsync();
            await Screenshot(visitor, "job-details.png");
        }

        await using var seekerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var seeker = await seekerContext.NewPageAsync();
        await SignInAsync(seeker, "e2e.alerted@example.com");
        await seeker.GotoAsync("/Jobs?q=" + Uri.EscapeDataString("k8s remote senior"));
        await seeker.GetByLabel("How often").SelectOptionAsync("Instant");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Save this search" }).ClickAsync();
        (await seeker.GetByTestId("saved-notice").TextContentAsync())!.ShouldContain("mailed to you as they appear");
        await seeker.GotoAsync("/Jobs/Saved");
        (await seeker.Locator("main").TextContentAsync())!.ShouldContain("k8s remote senior");
        await seeker.AssertUsableAsync();
        await Screenshot(seeker, "saved-searches.png");

        await WritePostingAsync(employer, "Senior SRE, Kubernetes", publish: true);
        // The sweep and the mail job Hangfire runs (every minute, and soon after a publication); this host runs no Hangfire server.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobsSweeps>().SweepAlertsAsync(CancellationToken.None);
            var stored = await scope.ServiceProvider.GetRequiredService<MailDbContext>().Messages
                .Where(m => m.Recipient == "e2e.alerted@example.com" && m.Status == MailStatus.Pending).Select(m => m.Id).ToListAsync();
            foreach (var id in stored)
            {
                await scope.ServiceProvider.GetRequiredService<MailDelivery>().SendAsync(id, CancellationToken.None);
            }
        }

        var alert = await app.Smtp.WaitForMessageAsync("e2e.alerted@example.com");
        alert.Subject.ShouldBe("1 new posting for \"k8s remote senior\"");
        alert.TextBody!.ShouldContain("Senior SRE, Kubernetes");
        alert.TextBody!.ShouldNotContain("Senior Platform Engineer");
        var link = PostingLink().Match(alert.TextBody!).Value;
        link.ShouldStartWith(app.BaseUrl + "/Jobs/");
        await seeker.GotoAsync(link);
        (await seeker.GetByTestId("posting-title").TextContentAsync())!.ShouldContain("Senior SRE, Kubernetes");

        await app.CreateAccountAsync("e2e.moderator@example.com", Roles.Admin, Password);
        await using var adminContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, "e2e.moderator@example.com");
        await admin.GotoAsync("/Admin/Moderation");
        await admin.AssertUsableAsync();
    }

    private static async Task WritePostingAsync(IPage employer, string title, bool publish)
    {
        await employer.GotoAsync("/Employer/Postings/New");
        await employer.GetByLabel("Job title").FillAsync(title);
        if (await employer.GetByLabel("Company", new() { Exact = true }).CountAsync() > 0)
        {
            await employer.GetByLabel("Company", new() { Exact = true }).FillAsync("Kube Works");
        }

        await employer.GetByLabel("Seniority").SelectOptionAsync("Senior");
        await employer.GetByLabel("Remote", new() { Exact = true }).CheckAsync();
        await employer.GetByLabel("Countries a remote hire may live in").FillAsync("DE, NL, Poland");
        await employer.GetByLabel("From").FillAsync("85000");
        await employer.GetByLabel("To", new() { Exact = true }).FillAsync("105000");
        await employer.GetByLabel("Skill 1", new() { Exact = true }).FillAsync("k8s");
        await employer.GetByLabel("Skill 2", new() { Exact = true }).FillAsync("postgres");
        await employer.GetByLabel("Skill 3", new() { Exact = true }).FillAsync("golang");
        await employer.GetByLabel("Description").FillAsync("We run **Kubernetes** for payment systems.\n\n- on-call one week in six\n- Terraform and Argo CD");
        if (!publish)
        {
            await employer.AssertUsableAsync();
            await Screenshot(employer, "employer-new-posting.png");
        }

        await employer.GetByTestId(publish ? "publish" : "save-draft").ClickAsync();
        await employer.WaitForURLAsync("**/Employer/Postings", PageChecks.Arrived);
    }

    private static Task SignInAsync(IPage page, string email) => page.SignInAsync(email, Password);

    private static Task Screenshot(IPage page, string name) => page.ScreenshotForDocsAsync(name);

    [GeneratedRegex(@"https?://\S+/Jobs/[0-9a-f-]{36}")]
    private static partial Regex PostingLink();
}
