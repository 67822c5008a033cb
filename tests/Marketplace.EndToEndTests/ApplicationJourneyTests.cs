using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Domain.Applications;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

public sealed class ApplicationJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string SeekerEmail = "e2e.applicant@example.com";
    private const string EmployerEmail = "e2e.hiring@example.com";

    [Fact]
    public async Task A_seeker_applies_the_employer_interviews_and_notes_the_seeker_follows_and_the_employer_rejects_with_a_template()
    {
        var posting = await PublishPostingAsync();
        await GiveTheSeekerAProfileAsync();
        await using var seekerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        await using var employerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var seeker = await SignInAsync(seekerContext, SeekerEmail);
        var employer = await SignInAsync(employerContext, EmployerEmail);

        // Matching hears of the profile and the posting through the outbox (the host's Hangfire server), then the posting
        // shows how the seeker matches: reloaded within a bound until it does.
        await seeker.GotoAsync($"/Jobs/{posting}");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await seeker.GetByTestId("match-score").CountAsync() == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the posting showed no match within 60 s");
            await Task.Delay(250);
            await seeker.ReloadAsync();
        }

        (await seeker.GetByTestId("match-score").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        (await seeker.Locator("[data-testid=match-chips] .chip.missing").AllTextContentsAsync()).ShouldContain(c => c.Contains("Kafka"));
        await CheckAsync(seeker, "how-you-match.png");
        await seeker.GetByTestId("apply-link").ClickAsync();
        await seeker.WaitForURLAsync($"**/Jobs/{posting}/Apply", PageChecks.Arrived);
        await seeker.GetByLabel("Cover note (optional)").FillAsync("I ran payment ledgers in Go and PostgreSQL for five years.");
        await CheckAsync(seeker, "apply.png");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Send my application" }).ClickAsync();
        await seeker.WaitForURLAsync("**/Applications", PageChecks.Arrived);
        (await seeker.GetByTestId("stage").TextContentAsync()).ShouldBe(ApplicationStage.Applied.Describe());

        await employer.GotoAsync($"/Employer/Postings/{posting}/Applicants");
        (await employer.Locator("[data-testid=applicants] .applicant-name").AllTextContentsAsync()).ShouldBe(["Grace Example"]);
        (await employer.GetByTestId("applicant-score").TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
        await CheckAsync(employer, "pipeline.png");
        await employer.GetByRole(AriaRole.Link, new() { Name = "Open Grace Example's application" }).ClickAsync();
        (await employer.GetByTestId("cover-note").TextContentAsync()).ShouldBe("I ran payment ledgers in Go and PostgreSQL for five years.");
        await employer.GetByLabel("Move to").SelectOptionAsync("Interview");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        (await employer.GetByTestId("notice").TextContentAsync()).ShouldBe("Moved Grace Example to Interview.");
        await employer.GetByLabel("Add a note").FillAsync("Strong on ledgers; ask about on-call.");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        (await employer.GetByTestId("notes").TextContentAsync())!.ShouldContain("Strong on ledgers; ask about on-call.");
        await CheckAsync(employer, "applicant.png");

        // The browser fixture runs no Hangfire server, so mail is not sent here; ApplicationsTests checks each step's mail.
        await seeker.ReloadAsync();
        (await seeker.GetByTestId("stage").TextContentAsync()).ShouldBe(ApplicationStage.Interview.Describe());
        (await seeker.ContentAsync()).ShouldNotContain("on-call");
        await CheckAsync(seeker, "applications.png");

        await employer.GetByLabel("Move to").SelectOptionAsync("Rejected");
        await employer.GetByLabel("Reason, for a rejection").SelectOptionAsync(new SelectOptionValue { Label = RejectionTemplates.Defaults[1].Title });
        await employer.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        (await employer.GetByTestId("stage").TextContentAsync()).ShouldBe("Rejected");

        await seeker.ReloadAsync();
        (await seeker.GetByTestId("stage").TextContentAsync()).ShouldBe(ApplicationStage.Rejected.Describe());
        (await seeker.GetByTestId("reason").TextContentAsync())!.ShouldContain(RejectionTemplates.Defaults[1].Text);
        await CheckAsync(seeker, null);
    }

    private async Task<Guid> PublishPostingAsync()
    {
        await app.CreateAccountAsync(EmployerEmail, Roles.Employer);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(EmployerEmail, client: true));
        var request = PostingRequests.Valid(["Go", "PostgreSQL"], ["Kafka"], company: "Ledgerly");
        request["title"] = "Payments engineer";
        return (await api.PublishAsync(request)).GetProperty("id").GetGuid();
    }

    private async Task GiveTheSeekerAProfileAsync()
    {
        await app.CreateAccountAsync(SeekerEmail, Roles.JobSeeker);
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(SeekerEmail, client: false));
        var saved = await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 0,
            displayName = "Grace Example",
            headline = "Backend engineer for payments",
            skills = new object[] { new { skillId = "go", level = 5, years = 5 }, new { name = "postgres", level = 4, years = 5 } },
        });
        saved.EnsureSuccessStatusCode();
    }

    private async Task<string> TokenForAsync(string email, bool client)
    {
        if (client)
        {
            return await app.EmployerTokenForAsync(email, [.. AllApiScopes.ForApiClients]);
        }

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(app.BaseUrl) };
        await ApiAccess.SignInAsync(browser, email);
        return await app.AuthorizationCodeTokenAsync(browser, "openid profile:me");
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiAccess.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage", PageChecks.Arrived);
        return page;
    }

    /// <summary>No serious or critical axe violation, usable at 360 px, and (when named) a screenshot for docs/screenshots.</summary>
    private static async Task CheckAsync(IPage page, string? screenshot)
    {
        await page.AssertUsableAsync();
        if (screenshot is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), screenshot), FullPage = true });
        }
    }
}
