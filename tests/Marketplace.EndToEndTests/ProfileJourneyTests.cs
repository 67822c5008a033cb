using System.Text.RegularExpressions;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

public sealed partial class ProfileJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly string[] Cv =
    [
        "Ada Lovelace - Backend engineer, Lisbon",
        "Senior engineer, Contoso Payments (2019 - present)",
        "Built payment APIs in Go; 5 years of Go in production.",
        "4 years of PostgreSQL for the ledgers, with Redis for caching.",
        "Ran the services on Kubernetes and Docker, and 3 years of Kafka for events.",
    ];

    [Fact]
    public async Task A_new_seeker_signs_up_imports_a_cv_corrects_a_skill_sets_preferences_and_completes_the_profile()
    {
        const string email = "e2e.profile@example.com";
        const string password = "a sturdy passphrase for profiles 7";
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await SignUpAndSignInAsync(page, email, password);

        await page.GetByTestId("profile-link").ClickAsync();
        await page.WaitForURLAsync("**/Profile", PageChecks.Arrived);
        (await page.GetByTestId("completeness-percent").TextContentAsync()).ShouldBe("0 %");
        await CheckAsync(page, "profile-empty.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import skills from your CV" }).ClickAsync();
        await page.GetByLabel("Your CV (PDF, Word .docx or text, at most 5 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "ada-lovelace-cv.pdf",
            MimeType = "application/pdf",
            Buffer = CvFiles.Pdf(Cv),
        });
        await CheckAsync(page, null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Read my CV" }).ClickAsync();
        await page.GetByTestId("review-form").WaitForAsync();
        var found = await page.Locator("[data-testid=review-form] fieldset").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.skillId)");
        found.ShouldBe(["backend-development", "api-integration", "go", "postgresql", "redis", "caching", "kubernetes", "docker", "kafka"], ignoreOrder: true);
        (await page.Locator("fieldset[data-skill-id=go] input[name$='.Years']").InputValueAsync()).ShouldBe("5");
        (await page.Locator("fieldset[data-skill-id=go] .evidence").First.TextContentAsync())!.ShouldContain("5 years of Go in production");

        // Corrected before anything is saved: the seeker knows Go better than the text says, and "APIs" was no skill of theirs.
        await page.Locator("fieldset[data-skill-id=go] select").SelectOptionAsync("5");
        await page.Locator("fieldset[data-skill-id=api-integration] input[type=checkbox]").UncheckAsync();
        await CheckAsync(page, "profile-import-review.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save these skills" }).ClickAsync();
        await page.WaitForURLAsync("**/Profile", PageChecks.Arrived);
        (await page.GetByTestId("notice").TextContentAsync()).ShouldBe("From your CV: 8 skills added.");
        (await page.Locator("[data-testid=skills] li[data-skill-id=go] .level").TextContentAsync())!.Trim().ShouldBe("Expert");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit your profile" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Headline").FillAsync("Backend engineer for **payments**, Go and PostgreSQL");
        await page.GetByLabel("Summary").FillAsync("Six years of building ledgers and payment APIs.\n\n- Go\n- PostgreSQL");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save about you" }).ClickAsync();
        await page.GetByTestId("notice").WaitForAsync();

        // The skill picker's script: suggestions as the seeker types, the pick sent as the canonical skill.
        await page.GetByLabel("Skill", new() { Exact = true }).PressSequentiallyAsync("terraf", new() { Delay = 40 });
        await page.Locator("[role=option][data-id=terraform]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
        (await page.GetByTestId("notice").TextContentAsync()).ShouldBe("Added Terraform.");
        (await page.Locator("[data-testid=skills-form] fieldset[data-skill-id=terraform]").CountAsync()).ShouldBe(1);

        await page.GetByLabel("Seniority you want").SelectOptionAsync("Senior");
        await page.GetByLabel("Remote", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hybrid", new() { Exact = true }).CheckAsync();
        await page.Locator("select[name='Preferences.Locations[0].Country']").SelectOptionAsync("PT");
        await page.Locator("input[name='Preferences.Locations[0].City']").FillAsync("Lisbon");
        await page.GetByLabel("Amount").FillAsync("65000");
        await page.GetByLabel("Discoverable").CheckAsync();
        await CheckAsync(page, "profile-edit.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await page.GetByTestId("notice").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your profile" }).ClickAsync();
        await page.WaitForURLAsync("**/Profile", PageChecks.Arrived);
        (await page.GetByTestId("completeness-percent").TextContentAsync()).ShouldBe("100 %");
        (await page.GetByTestId("profile-complete").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("[data-testid=headline] strong").TextContentAsync()).ShouldBe("payments");
        (await page.GetByTestId("visibility").TextContentAsync()).ShouldBe("Discoverable");
        await CheckAsync(page, "profile-complete.png");
    }

    private async Task SignUpAndSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignUp");
        await page.Locator("#kind-jobseeker").CheckAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/CheckEmail", PageChecks.Arrived);
        var message = await app.Smtp.WaitForMessageAsync(email);
        await page.GotoAsync(ConfirmationLink().Match(message.TextBody ?? "").Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await page.GetByTestId("email-confirmed").WaitForAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage", PageChecks.Arrived);
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

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLink();
}
