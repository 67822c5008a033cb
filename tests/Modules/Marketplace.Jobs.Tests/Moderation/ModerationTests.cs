using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Domain.Moderation;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Moderation;

/// <summary>
/// Anyone signed in reports a posting from its page; the report reaches /Admin/Moderation, where an admin puts the posting
/// on hold with a reason (mailed to the employer; the posting leaves search and its page) or dismisses the report, and
/// releases a held posting.
/// </summary>
public sealed partial class ModerationTests(MailFixture fixture) : IClassFixture<MailFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_report_is_put_on_hold_with_a_reason_the_employer_is_mailed_and_then_released()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var employer = app.CreateEmployerClient();
        var posting = await PublishAsync(employer, "Crypto trader, pay to apply");
        var reporter = await SignedInAsync(app, "reporter.one@example.com", Roles.JobSeeker);

        // The page offers the form; a report is filed once however often it is sent.
        (await reporter.GetStringAsync($"/Jobs/{posting}")).ShouldContain("Report this posting");
        (await ReportAsync(reporter, posting, "Scam", "Asks candidates for a fee.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReportAsync(reporter, posting, "Scam", "Again.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await reporter.GetStringAsync($"/Jobs/{posting}")).ShouldContain("You reported this posting");
        (await ReportsAsync(app, posting)).ShouldHaveSingleItem().Status.ShouldBe(ReportStatus.Open);

        var admin = await SignedInAsync(app, "moderator@example.com", Roles.Admin);
        var queue = await admin.GetStringAsync("/Admin/Moderation");
        queue.ShouldContain("Crypto trader, pay to apply");
        queue.ShouldContain("Asks candidates for a fee.");

        // A hold needs a reason: without one the page says so and nothing changes.
        var noReason = await DecideAsync(admin, posting, "Hold", "");
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Say why the posting is put on hold");
        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.Published);

        (await DecideAsync(admin, posting, "Hold", "Asks candidates to pay a fee, which our rules forbid.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.OnHold);
        (await ReportsAsync(app, posting)).ShouldHaveSingleItem().Status.ShouldBe(ReportStatus.Actioned);
        using (var anonymous = app.CreateClient())
        {
            (await anonymous.GetAsync($"/Jobs/{posting}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var search = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?q=crypto");
            search.GetProperty("results").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == posting);
        }

        var held = await fixture.Smtp.WaitForMessageAsync("api.employer@example.com", m => (m.Subject ?? "").Contains("on hold", StringComparison.Ordinal));
        held.Subject.ShouldBe("Your posting \"Crypto trader, pay to apply\" is on hold");
        held.TextBody!.ShouldContain("Asks candidates to pay a fee, which our rules forbid.");
        held.TextBody!.ShouldContain($"/Employer/Postings/{posting}/Edit");
        (await EventsAsync(app, posting)).ShouldContain("posting-closed:OnHold");

        (await admin.GetStringAsync("/Admin/Moderation")).ShouldContain("On hold (1)");
        (await DecideAsync(admin, posting, "Release", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.Published);
        await fixture.Smtp.WaitForMessageAsync("api.employer@example.com", m => (m.Subject ?? "").Contains("visible again", StringComparison.Ordinal));
        (await EventsAsync(app, posting)).ShouldContain("posting-changed:Published");
    }

    [Fact]
    public async Task A_dismissed_report_leaves_the_posting_as_it_is()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var posting = await PublishAsync(app.CreateEmployerClient(), "Backend developer, honest");
        var reporter = await SignedInAsync(app, "reporter.two@example.com", Roles.Employer);
        (await ReportAsync(reporter, posting, "Misleading", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var admin = await SignedInAsync(app, "moderator.two@example.com", Roles.Admin);
        (await DecideAsync(admin, posting, "Dismiss", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.Published);
        (await ReportsAsync(app, posting)).ShouldHaveSingleItem().Status.ShouldBe(ReportStatus.Dismissed);
        (await admin.GetStringAsync("/Admin/Moderation")).ShouldNotContain("Backend developer, honest");
    }

    [Fact]
    public async Task Reporting_needs_a_reason_and_a_sign_in_and_only_admins_moderate()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var posting = await PublishAsync(app.CreateEmployerClient(), "Platform engineer");
        var reporter = await SignedInAsync(app, "reporter.three@example.com", Roles.JobSeeker);

        var noReason = await ReportAsync(reporter, posting, "", null);
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("Choose what is wrong");
        var other = await ReportAsync(reporter, posting, "Other", " ");
        (await other.Content.ReadAsStringAsync()).ShouldContain("Tell the moderators what is wrong");
        (await ReportsAsync(app, posting)).ShouldBeEmpty();

        using var anonymous = ApiAccess.Browser(app);
        (await anonymous.GetAsync("/Admin/Moderation")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await reporter.GetAsync("/Admin/Moderation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await reporter.GetStringAsync($"/Jobs/{posting}");
        var token = Antiforgery().Match(page).Groups[1].Value;
        var forbidden = await reporter.PostAsync("/Admin/Moderation?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["postingId"] = posting.ToString(), ["decision"] = "Hold", ["reason"] = "no", ["__RequestVerificationToken"] = token,
        }));
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.Published);
    }

    private static async Task<Guid> PublishAsync(HttpClient employer, string title)
    {
        var request = PostingRequests.Valid();
        request["title"] = title;
        return (await employer.PublishAsync(request)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpClient> SignedInAsync(MarketplaceApp app, string email, string role)
    {
        await app.CreateAccountAsync(email, role);
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, email);
        return browser;
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient browser, Guid posting, string reason, string? details)
    {
        var page = await browser.GetStringAsync($"/Jobs/{posting}");
        return await browser.PostAsync($"/Jobs/{posting}/Report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Report.Reason"] = reason,
            ["Report.Details"] = details ?? "",
            ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value,
        }));
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient admin, Guid posting, string decision, string? reason)
    {
        var page = await admin.GetStringAsync("/Admin/Moderation");
        return await admin.PostAsync("/Admin/Moderation?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["postingId"] = posting.ToString(),
            ["decision"] = decision,
            ["reason"] = reason ?? "",
            ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value,
        }));
    }

    private static Task<PostingStatus> StatusAsync(MarketplaceApp app, Guid posting) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().Postings.AsNoTracking().Where(p => p.Id == posting).Select(p => p.Status).SingleAsync());

    private static Task<List<PostingReport>> ReportsAsync(MarketplaceApp app, Guid posting) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().Reports.AsNoTracking().Where(r => r.PostingId == posting).ToListAsync());

    /// <summary>"Type:Status" of the posting's events, oldest first.</summary>
    private static Task<List<string>> EventsAsync(MarketplaceApp app, Guid posting) => app.InScopeAsync(async services =>
        (await services.GetRequiredService<JobsDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredAt).ToListAsync())
            .Select(m => (Type: m.Type, Payload: JsonDocument.Parse(m.Payload).RootElement))
            .Where(m => m.Payload.GetProperty("posting").GetProperty("postingId").GetGuid() == posting)
            .Select(m => $"{EventName(m.Type)}:{m.Payload.GetProperty("posting").GetProperty("status").GetString()}")
            .ToList());

    private static string EventName(string type) => type.Split(',')[0].Split('.')[^1];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
