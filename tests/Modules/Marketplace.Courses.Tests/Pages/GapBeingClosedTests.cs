using System.Net;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Courses.Tests.Fixtures;
using Marketplace.Testing;

namespace Marketplace.Courses.Tests.Pages;

/// <summary>
/// "Gap being closed" on the employer's applicant view: the courses an applicant takes for the posting's skills, with how far
/// they are, only once the applicant lets employers see them. Skills (Monorepos, SEO, Vim) no other test of the collection uses.
/// </summary>
[Collection(CoursesCollection.Name)]
public sealed class GapBeingClosedTests(CoursesFixture fixture)
{
    /// <summary>The user behind the host's test employer API client, so the posting it publishes is this browser's company's.</summary>
    private const string ApiEmployerEmail = "api.employer@example.com";

    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task The_company_sees_the_courses_an_applicant_takes_for_its_posting_only_when_the_applicant_shares_them()
    {
        using var admin = await App.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var monorepo = await admin.AddCourseAsync($"Monorepos at Scale {tag}", "monorepo:3", duration: "6 hours");
        var vim = await admin.AddCourseAsync($"Vim for Everyone {tag}", "vim:3", duration: "4 hours");
        using var api = App.CreateEmployerClient();
        var request = PostingRequests.Valid(required: ["monorepo", "seo"], niceToHave: []);
        request["title"] = $"Build engineer {tag}";
        var posting = (await api.PublishAsync(request)).GetProperty("id").GetGuid();

        using var seeker = await App.SeekerAsync();
        await seeker.SaveProfileAsync(new { version = 0, displayName = "Grace Example", skills = new[] { new { name = "SQL", level = 3 } } });
        (await seeker.EnrolmentAsync(monorepo, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.EnrolmentAsync(monorepo, "Progress", new KeyValuePair<string, string>("Progress", "60"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.EnrolmentAsync(vim, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var applied = await seeker.PostAsync($"/Jobs/{posting}/Apply", null, new Dictionary<string, string> { ["CoverNote"] = "" }))
        {
            applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        }

        var pipeline = await (await api.GetAsync($"/api/v1/postings/{posting}/applications")).Content.ReadFromJsonAsync();
        var application = pipeline.GetProperty("applicants")[0].GetProperty("id").GetGuid();
        var employerId = await App.CreateAccountAsync(ApiEmployerEmail, Roles.Employer);
        var browser = ApiAccess.Browser(App);
        await ApiAccess.SignInAsync(browser, ApiEmployerEmail);
        using var employer = new Visitor(App, employerId, browser);
        var applicantPage = $"/Employer/Postings/{posting}/Applicants/{application}";

        (await employer.PageAsync(applicantPage)).QuerySelector("[data-testid=gap-being-closed]").ShouldBeNull("the seeker has not chosen to share their learning");

        (await seeker.PageAsync("/Courses/Learning")).QuerySelector("[data-testid=sharing]")!.TextContent.ShouldContain("do not see your courses");
        using (var shared = await seeker.PostAsync("/Courses/Learning", "Share", new Dictionary<string, string> { ["withEmployers"] = "true" }))
        {
            shared.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var learning = await seeker.PageAsync("/Courses/Learning");
        learning.QuerySelector("[data-testid=sharing]")!.TextContent.ShouldContain("see the courses you are taking");
        var section = (await employer.PageAsync(applicantPage)).QuerySelector("[data-testid=gap-being-closed]")!;
        section.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ShouldBe([$"Enrolled in Monorepos at Scale {tag} for Monorepos, 60 %"], "the Vim course teaches nothing the posting asks for");

        using (var stopped = await seeker.PostAsync("/Courses/Learning", "Share", new Dictionary<string, string> { ["withEmployers"] = "false" }))
        {
            stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await employer.PageAsync(applicantPage)).QuerySelector("[data-testid=gap-being-closed]").ShouldBeNull();
    }
}

internal static class JsonContent
{
    public static async Task<JsonElement> ReadFromJsonAsync(this HttpContent content) =>
        JsonDocument.Parse(await content.ReadAsStringAsync()).RootElement.Clone();
}
