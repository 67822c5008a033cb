using Marketplace.BuildingBlocks.Application;
using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

public sealed class TaxonomyJourneyTests(BackgroundBrowserAppFixture app) : IClassFixture<BackgroundBrowserAppFixture>
{
    private const string Password = "Marketplace-test-password-1";
    private const string Mention = "Zappa Streams";

    [Fact]
    public async Task An_admin_turns_a_queued_mention_into_an_alias_and_the_seeker_who_wrote_it_sees_the_skill_matched()
    {
        await app.CreateAccountAsync("e2e.taxonomist@example.com", Roles.Admin, Password);
        await app.CreateAccountAsync("e2e.streamer@example.com", Roles.JobSeeker, Password);
        using var employer = app.CreateEmployerClient();
        var request = PostingRequests.Valid(required: ["kafka", "csharp"], niceToHave: []);
        request["title"] = "Event streaming engineer (Kafka, C#)";
        var posting = (await employer.PublishAsync(request)).GetProperty("id").GetGuid();

        // The seeker writes a skill nobody taught the taxonomy yet.
        await using var seekerContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var seeker = await SignInAsync(seekerContext, "e2e.streamer@example.com");
        await seeker.GotoAsync("/Profile/Edit");
        foreach (var skill in new[] { "C#", Mention })
        {
            await seeker.GetByLabel("Skill", new() { Exact = true }).FillAsync(skill);
            await seeker.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
            // A skill the taxonomy does not know is offered as written, after the closest suggestions.
            var keep = seeker.GetByTestId("keep-as-written");
            await seeker.GetByTestId("notice").Or(keep).WaitForAsync();
            if (await keep.IsVisibleAsync())
            {
                await keep.ClickAsync();
                await seeker.GetByTestId("notice").WaitForAsync();
            }
        }

        var match = seeker.Locator($"[data-testid=match][data-posting-id='{posting}']");
        await ReloadUntilAsync(seeker, "/Matches", match.Locator(".chip.missing", new() { HasText = "Apache Kafka" }));

        // The admin finds it in the queue and makes it an alias of Kafka.
        await using var adminContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var admin = await SignInAsync(adminContext, "e2e.taxonomist@example.com");
        var row = admin.Locator("[data-testid=mention]", new() { HasText = Mention });
        await ReloadUntilAsync(admin, "/Admin/Taxonomy/Mentions", row);
        await admin.AssertUsableAsync();
        await row.GetByLabel("Alias of the skill").FillAsync("kafka");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Make it an alias ({Mention})" }).ClickAsync();
        (await admin.GetByTestId("notice").TextContentAsync())!.ShouldContain("alias of kafka");
        (await admin.Locator("[data-testid=mention]", new() { HasText = Mention }).CountAsync()).ShouldBe(0);

        await admin.GotoAsync("/Admin/Taxonomy?q=zappa");
        (await admin.Locator("[data-testid=skills] tr[data-skill-id=kafka]").TextContentAsync())!.ShouldContain(Mention);
        await admin.AssertUsableAsync();
        await admin.ScreenshotForDocsAsync("admin-taxonomy.png");

        // The seeker's profile was rematched: Kafka is now matched, not missing.
        await ReloadUntilAsync(seeker, "/Matches", match.Locator(".chip.matched", new() { HasText = "Apache Kafka" }));
        (await match.Locator(".chip.missing", new() { HasText = "Apache Kafka" }).CountAsync()).ShouldBe(0);
        await seeker.AssertUsableAsync();

        // Their profile shows what they wrote as the skill it now names, no longer marked unrecognised.
        await seeker.GotoAsync("/Profile");
        (await seeker.Locator("[data-testid=skills] li[data-skill-id=kafka]").TextContentAsync())!.ShouldContain("Apache Kafka");
        (await seeker.Locator("[data-testid=skills] li.unrecognised").CountAsync()).ShouldBe(0);
    }

    // Background work (events, the rematch) lands within seconds: reload until it shows, within a bound.
    private static async Task ReloadUntilAsync(IPage page, string url, ILocator shown)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(url);
            if (await shown.CountAsync() > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not show {shown} within 30 s.");
            await Task.Delay(250);
        }
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(email, Password);
        return page;
    }
}
