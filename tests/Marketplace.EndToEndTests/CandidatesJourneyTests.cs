using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>
/// The employer's candidates in Chromium: an employer publishes a posting and sees its discoverable candidates ranked within
/// seconds, nameless; raising one skill's weight re-ranks the list in place; a candidate asked to get in touch accepts on their
/// requests page and the employer then sees who they are. Every page passes axe and fits a phone.
/// </summary>
public sealed class CandidatesJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Password = "a sturdy passphrase for candidates 3";

    [Fact]
    public async Task An_employer_publishes_sees_ranked_candidates_and_a_weight_change_reorders_them()
    {
        await app.CreateAccountAsync("e2e.recruiter@example.com", Roles.Employer, Password);
        var both = await SeekerAsync("e2e.both@example.com", "Noor Both", [("csharp", 4), ("postgresql", 4)]);
        var postgres = await SeekerAsync("e2e.postgres@example.com", "Pia Postgres", [("postgresql", 5), ("csharp", 2)]);
        var csharp = await SeekerAsync("e2e.csharp@example.com", "Cas Sharp", [("csharp", 5)]);

        await using var employerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var employer = await employerContext.NewPageAsync();
        await SignInAsync(employer, "e2e.recruiter@example.com");
        await PublishPostingAsync(employer, "Payments engineer (C#)");
        await employer.GetByRole(AriaRole.Link, new() { Name = "Candidates for Payments engineer (C#)" }).ClickAsync();
        await employer.WaitForURLAsync("**/Candidates", PageChecks.Arrived);
        var postingId = Guid.Parse(employer.Url.Split('/')[^2]);

        // Within seconds of publishing (bounded): matching has ranked the three of them.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await employer.GetByTestId("candidate").CountAsync() < 3)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the candidates did not appear within 30 s of publishing");
            await Task.Delay(300);
            await employer.ReloadAsync();
        }

        var (keyBoth, keyPostgres, keyCsharp) = (await KeyAsync(postingId, both), await KeyAsync(postingId, postgres), await KeyAsync(postingId, csharp));
        (await KeysAsync(employer)).ShouldBe([keyBoth, keyPostgres, keyCsharp], "equal weights: both skills, then PostgreSQL with some C#, then C# alone");
        var main = (await employer.Locator("main").TextContentAsync())!;
        foreach (var name in new[] { "Noor Both", "Pia Postgres", "Cas Sharp" }) main.ShouldNotContain(name);

        await employer.GetByTestId("weight-csharp").FillAsync("10");
        await employer.GetByTestId("weight-postgresql").FillAsync("1");
        await employer.WaitForFunctionAsync(
            "keys => Array.from(document.querySelectorAll('[data-testid=candidate]')).map(e => e.dataset.candidate).join() === keys",
            string.Join(',', keyBoth, keyCsharp, keyPostgres), new() { Timeout = 15_000 });
        employer.Url.ShouldContain("w%5Bcsharp%5D=10");
        (await employer.GetByTestId("ranked-by").TextContentAsync())!.ShouldContain("not saved");
        await employer.AssertUsableAsync();
        await Screenshot(employer, "candidates.png");

        await employer.Locator($"[data-candidate='{keyCsharp}'] summary").ClickAsync();
        await employer.Locator($"[data-candidate='{keyCsharp}']").GetByLabel("A message (optional)").FillAsync("We pay for C# at scale. Shall we talk?");
        await employer.Locator($"[data-candidate='{keyCsharp}']").GetByTestId("contact").ClickAsync();
        (await employer.GetByTestId("notice").TextContentAsync())!.ShouldContain("to get in touch");

        await using (var seekerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl }))
        {
            var seeker = await seekerContext.NewPageAsync();
            await SignInAsync(seeker, csharp.Email);
            await seeker.GotoAsync("/Matches/Requests");
            (await seeker.GetByTestId("request").TextContentAsync())!.ShouldContain("We pay for C# at scale.");
            await seeker.AssertUsableAsync();
            await seeker.GetByTestId("accept").ClickAsync();
            (await seeker.GetByTestId("request-status").TextContentAsync())!.ShouldBe("Accepted");
        }

        await employer.ReloadAsync();
        (await employer.Locator($"[data-candidate='{keyCsharp}']").TextContentAsync())!.ShouldContain("Cas Sharp");
        (await employer.Locator("main").TextContentAsync())!.ShouldNotContain("Pia Postgres");
        await employer.AssertUsableAsync();
    }

    private sealed record Seeker(Guid Id, string Email);

    private async Task<Seeker> SeekerAsync(string email, string name, (string Skill, int Level)[] skills)
    {
        var id = await app.CreateAccountAsync(email, Roles.JobSeeker, Password);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = new Uri(app.BaseUrl) };
        await ApiAccess.SignInAsync(browser, email, Password);
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AuthorizationCodeTokenAsync(browser, "openid profile:me"));
        var saved = await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 0,
            displayName = name,
            skills = skills.Select(s => new { skillId = s.Skill, level = s.Level, years = 4 }).ToArray(),
            preferences = new { seniority = "Senior", workModes = new[] { "Remote" }, locations = new[] { new { country = "de", city = "Berlin" } }, visibility = "Discoverable" },
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return new Seeker(id, email);
    }

    private async Task<string> KeyAsync(Guid posting, Seeker seeker)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICandidatePseudonymSource>().GetAsync(CancellationToken.None)).KeyOf(posting, seeker.Id);
    }

    private static async Task<IReadOnlyList<string>> KeysAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('[data-testid=candidate]')).map(e => e.dataset.candidate)");

    private static async Task PublishPostingAsync(IPage employer, string title)
    {
        await employer.GotoAsync("/Employer/Postings/New");
        await employer.GetByLabel("Job title").FillAsync(title);
        if (await employer.GetByLabel("Company", new() { Exact = true }).CountAsync() > 0)
        {
            await employer.GetByLabel("Company", new() { Exact = true }).FillAsync("Quietbay");
        }

        await employer.GetByLabel("Seniority").SelectOptionAsync("Senior");
        await employer.GetByLabel("Remote", new() { Exact = true }).CheckAsync();
        await employer.GetByLabel("Countries a remote hire may live in").FillAsync("DE");
        await employer.GetByLabel("From").FillAsync("70000");
        await employer.GetByLabel("To", new() { Exact = true }).FillAsync("90000");
        await employer.GetByLabel("Skill 1", new() { Exact = true }).FillAsync("C#");
        await employer.GetByLabel("Skill 2", new() { Exact = true }).FillAsync("postgres");
        await employer.GetByLabel("Description").FillAsync("Ledgers on .NET and PostgreSQL.");
        await employer.GetByTestId("publish").ClickAsync();
        await employer.WaitForURLAsync("**/Employer/Postings", PageChecks.Arrived);
    }

    private static Task SignInAsync(IPage page, string email) => page.SignInAsync(email, Password);

    private static Task Screenshot(IPage page, string name) => page.ScreenshotForDocsAsync(name);
}
