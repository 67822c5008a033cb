using System.Text;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>The host with its Hangfire server: the import's job and the completion's events run as in production.</summary>
public sealed class BackgroundBrowserAppFixture : BrowserAppFixture
{
    protected override bool BackgroundServer => true;
}

public sealed class CoursesJourneyTests(BackgroundBrowserAppFixture app) : IClassFixture<BackgroundBrowserAppFixture>
{
    private const string Password = "Marketplace-test-password-1";

    private static string Shot(string name) => Path.Combine(BrowserAppFixture.ScreenshotFolder(), name);

    [Fact]
    public async Task An_admin_imports_courses_with_a_mapping_and_a_seeker_closes_a_gap_and_sees_the_score_rise()
    {
        await app.CreateAccountAsync("e2e.admin@example.com", Roles.Admin, Password);
        await app.CreateAccountAsync("e2e.learner@example.com", Roles.JobSeeker, Password);
        using var employer = app.CreateEmployerClient();
        var request = PostingRequests.Valid(required: ["postgresql", "docker"], niceToHave: ["kubernetes"]);
        request["title"] = "Platform engineer (PostgreSQL, Docker)";
        var posting = (await employer.PublishAsync(request)).GetProperty("id").GetGuid();

        // The admin imports a provider's file whose link column no guess maps.
        await using var adminContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var admin = await SignInAsync(adminContext, "e2e.admin@example.com");
        await admin.GotoAsync("/Admin/Courses/Import");
        await admin.GetByLabel("Provider or aggregator").FillAsync("Lernwerk");
        await admin.GetByLabel("CSV file (at most 20 MB, 50,000 rows)").SetInputFilesAsync(new FilePayload
        {
            Name = "lernwerk.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("""
                Course title,Web address,Length,Cost,Topics
                PostgreSQL for Application Developers,https://lernwerk.example/pg,12 hours,49,PostgreSQL:4
                Docker from Zero,https://lernwerk.example/docker,2 weeks,$29,Docker:3; Linux
                Kubernetes Basics,https://lernwerk.example/k8s,1 - 2 months,Free,Kubernetes
                Broken row,no link,3 hours,10,Docker
                """),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
        await admin.WaitForURLAsync("**/Admin/Courses/Import/*", PageChecks.Arrived);
        await admin.GetByLabel("Link *").SelectOptionAsync("Web address");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Update the preview" }).ClickAsync();
        (await admin.GetByTestId("dry-run").TextContentAsync())!.ShouldContain("3 rows would be imported, 1 rejected");
        (await admin.GetByTestId("rejected").TextContentAsync())!.ShouldContain("5");
        await admin.AssertUsableAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-import-preview.png"), FullPage = true });

        await admin.GetByRole(AriaRole.Button, new() { Name = "Import 3 courses" }).ClickAsync();
        await admin.GetByTestId("import-progress").WaitForAsync();
        // The page refreshes itself while the job runs; bounded wait for the bar to reach the end.
        await Assertions.Expect(admin.GetByTestId("import-percent")).ToContainTextAsync("100 %", new() { Timeout = 60_000 });
        (await admin.GetByTestId("added").TextContentAsync()).ShouldBe("3");
        await admin.AssertUsableAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-import-done.png"), FullPage = true });

        // The seeker adds a skill to the profile, then opens the posting's plan (once matching has taken the profile in).
        await using var seekerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var seeker = await SignInAsync(seekerContext, "e2e.learner@example.com");
        await seeker.GotoAsync("/Profile/Edit");
        await seeker.GetByLabel("Skill", new() { Exact = true }).PressSequentiallyAsync("linu", new() { Delay = 40 });
        await seeker.Locator("[role=option][data-id=linux]").ClickAsync();
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
        (await seeker.GetByTestId("notice").TextContentAsync()).ShouldBe("Added Linux.");

        await UntilAsync(seeker, $"/Jobs/{posting}/Plan", async () => await seeker.GetByTestId("catching-up").CountAsync() == 0);
        var before = Score(await seeker.GetByTestId("score-before").TextContentAsync());
        var projected = Score(await seeker.GetByTestId("step-score").First.TextContentAsync());
        projected.ShouldBeGreaterThan(before);
        (await seeker.GetByTestId("plan-chart").GetAttributeAsync("role")).ShouldBe("img");
        await seeker.AssertUsableAsync();
        await seeker.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-plan.png"), FullPage = true });
        await seeker.SetViewportSizeAsync(PageChecks.PhoneWidth, 740);
        await seeker.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-plan-phone.png"), FullPage = true });
        await seeker.SetViewportSizeAsync(1280, 720);

        await UntilAsync(seeker, "/Matches", async () => await MatchScoreAsync(seeker, posting) is { } s && Math.Abs(s - before) < 0.05);

        await seeker.GotoAsync($"/Jobs/{posting}/Plan");
        await seeker.GetByTestId("plan-step").First.GetByRole(AriaRole.Link).ClickAsync();
        await seeker.GetByTestId("enrol").ClickAsync();
        await seeker.GetByLabel("How far you are (percent)").FillAsync("60");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Save progress" }).ClickAsync();
        (await seeker.GetByTestId("progress").TextContentAsync()).ShouldBe("60 %");
        await seeker.AssertUsableAsync();
        await seeker.GetByTestId("complete").ClickAsync();
        (await seeker.GetByTestId("notice").TextContentAsync())!.ShouldContain("Completed");

        // The completion reaches the profile through the outbox, matching rematches it, and /Matches shows the plan's projection.
        await UntilAsync(seeker, "/Matches", async () => await MatchScoreAsync(seeker, posting) is { } s && s > before);
        (await MatchScoreAsync(seeker, posting))!.Value.ShouldBe(projected, 0.05, $"the score was {before} before the course");
        await seeker.AssertUsableAsync();
        await seeker.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-matches-after.png"), FullPage = true });

        await seeker.GotoAsync($"/Jobs/{posting}/Plan");
        Score(await seeker.GetByTestId("score-before").TextContentAsync()).ShouldBe(projected, 0.05);
        await seeker.AssertUsableAsync();
        await seeker.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("course-plan-after.png"), FullPage = true });

        await seeker.GotoAsync("/Courses/ForYou");
        await seeker.GetByTestId("skill-to-learn").First.WaitForAsync();
        await seeker.AssertUsableAsync();
        await seeker.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("courses-for-you.png"), FullPage = true });

        await seeker.GotoAsync("/Courses?skill=k8s");
        (await seeker.GetByTestId("course-count").TextContentAsync())!.ShouldContain("1 course teaching Kubernetes");
        await seeker.AssertUsableAsync();
    }

    private static double Score(string? text) => double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<double?> MatchScoreAsync(IPage page, Guid posting)
    {
        var score = page.Locator($"[data-testid=match][data-posting-id='{posting}'] [data-testid=score]");
        return await score.CountAsync() == 0 ? null : Score(await score.TextContentAsync());
    }

    /// <summary>Reloads the page until the condition holds, with a bound: background work ends when it ends.</summary>
    private static async Task UntilAsync(IPage page, string url, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await page.GotoAsync(url);
            if (await condition())
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{url} did not reach the expected state within 60 s");
            await Task.Delay(250);
        }
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal), PageChecks.Arrived);
        return page;
    }
}
