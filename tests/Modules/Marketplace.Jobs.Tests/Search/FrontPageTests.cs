using System.Net;
using Marketplace.Testing;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

/// <summary>The home page as a front door: a search box, the newest postings, and the skills asked for most (Courses' counts).</summary>
public sealed class FrontPageTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    [Fact]
    public async Task The_front_page_shows_the_newest_postings_and_the_most_asked_for_skills_as_a_chart()
    {
        var employer = fixture.App.CreateEmployerClient();
        foreach (var (title, skills) in new[] { ("Front page Rust engineer", new[] { "Rust", "PostgreSQL" }), ("Front page Go engineer", new[] { "golang", "postgres" }) })
        {
            var request = PostingRequests.Valid(skills, []);
            request["title"] = title;
            await employer.PublishAsync(request);
        }

        await fixture.App.WaitForBackgroundWorkAsync();
        using var visitor = fixture.App.CreateClient();
        var answer = await visitor.GetAsync("/");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await answer.Content.ReadAsStringAsync();

        page.ShouldContain("action=\"/Jobs\"");
        page.ShouldContain("Front page Go engineer");
        page.IndexOf("Front page Go engineer", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Front page Rust engineer", StringComparison.Ordinal));
        page.ShouldContain("<svg class=\"demand-chart\"");
        page.ShouldContain("PostgreSQL: 2 postings");
        page.ShouldContain("href=\"/Account/SignUp\"");
    }
}
