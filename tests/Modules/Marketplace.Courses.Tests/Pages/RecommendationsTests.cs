using System.Globalization;
using System.Net;
using Marketplace.Courses.Tests.Fixtures;
using Marketplace.Testing;

namespace Marketplace.Courses.Tests.Pages;

/// <summary>
/// /Courses/ForYou over postings asking for skills no other test uses and that no skill implies or relates to (RocksDB, FIX
/// protocol, DICOM), so their points come only from this class's postings: DICOM is the one required skill of one posting and
/// nice to have in another (70 + 10 points), RocksDB one of two required skills in two (35 + 35), FIX one of two required in one
/// and nice to have in another (35 + 10). Other tests' postings add skills worth at most 35 each, so these three are always shown.
/// </summary>
[Collection(CoursesCollection.Name)]
public sealed class RecommendationsTests(CoursesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    [Fact]
    public async Task The_skills_missing_across_the_best_matches_come_by_the_points_they_add_with_the_fewest_hours_courses_first()
    {
        using var admin = await App.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var quick = await admin.AddCourseAsync($"RocksDB in a Weekend {tag}", "rocksdb:3", duration: "8 hours", price: "0");
        var deep = await admin.AddCourseAsync($"RocksDB Internals {tag}", "rocksdb:5", duration: "30 hours", price: "120");
        var taster = await admin.AddCourseAsync($"FIX Taster {tag}", "fix-protocol:2", duration: "3 hours", price: "0");
        await admin.AddCourseAsync($"RocksDB Taster {tag}", "rocksdb:2", duration: "2 hours", price: "0");

        using var employer = App.CreateEmployerClient();
        var first = PostingRequests.Valid(required: ["rocksdb", "fix-protocol"], niceToHave: ["dicom"]);
        first["title"] = $"Storage engineer {tag}";
        var second = PostingRequests.Valid(required: ["rocksdb", "sql"], niceToHave: ["fix-protocol"]);
        second["title"] = $"Trading backend engineer {tag}";
        var third = PostingRequests.Valid(required: ["dicom"], niceToHave: []);
        third["title"] = $"Imaging backend engineer {tag}";
        var one = (await employer.PublishAsync(first)).GetProperty("id").GetGuid();
        var two = (await employer.PublishAsync(second)).GetProperty("id").GetGuid();
        var three = (await employer.PublishAsync(third)).GetProperty("id").GetGuid();

        using var seeker = await App.SeekerAsync();
        (await seeker.PageAsync("/Courses/ForYou")).QuerySelector("[data-testid=no-profile]").ShouldNotBeNull("no profile, no matches to learn for");
        await seeker.SaveProfileAsync(new { version = 0, skills = new[] { new { name = "SQL", level = 3 } } });
        await seeker.MatchScoreAsync(two, _ => true);
        await seeker.MatchScoreAsync(one, _ => true);
        await seeker.MatchScoreAsync(three, _ => true);

        var page = await seeker.PageAsync("/Courses/ForYou");
        var skills = page.QuerySelectorAll("[data-testid=skill-to-learn]").ToList();
        var ours = skills.Select(s => s.GetAttribute("data-skill-id")).Where(id => id is "rocksdb" or "fix-protocol" or "dicom").ToList();
        ours.ShouldBe(["dicom", "rocksdb", "fix-protocol"], "80, 70 and 45 points across the matches");

        var rocksdb = skills.Single(s => s.GetAttribute("data-skill-id") == "rocksdb");
        rocksdb.QuerySelector("[data-testid=missing-in]")!.TextContent.ShouldBe("2");
        var gain = double.Parse(rocksdb.QuerySelector("[data-testid=total-gain]")!.TextContent, CultureInfo.InvariantCulture);
        gain.ShouldBeGreaterThan(double.Parse(skills.Single(s => s.GetAttribute("data-skill-id") == "fix-protocol").QuerySelector("[data-testid=total-gain]")!.TextContent, CultureInfo.InvariantCulture));
        rocksdb.QuerySelectorAll("[data-testid=course]").Select(c => Guid.Parse(c.GetAttribute("data-course-id")!)).ShouldBe([quick, deep]);
        rocksdb.QuerySelectorAll("a[href$='/Plan']").Select(a => a.GetAttribute("href")).ShouldBe([$"/Jobs/{one}/Plan", $"/Jobs/{two}/Plan"], ignoreOrder: true);

        var fix = skills.Single(s => s.GetAttribute("data-skill-id") == "fix-protocol");
        fix.QuerySelector("[data-testid=course-note]")!.TextContent.ShouldContain("No course teaches FIX protocol to level 3 yet; these take it to level 2.");
        fix.QuerySelectorAll("[data-testid=course]").Select(c => Guid.Parse(c.GetAttribute("data-course-id")!)).ShouldBe([taster]);
        var dicom = skills.Single(s => s.GetAttribute("data-skill-id") == "dicom");
        dicom.QuerySelector("[data-testid=missing-in]")!.TextContent.ShouldBe("2");
        dicom.QuerySelector("[data-testid=course-note]")!.TextContent.ShouldContain("No course in the catalog teaches DICOM yet.");
        dicom.QuerySelector("[data-testid=course]").ShouldBeNull();
    }

    [Fact]
    public async Task Recommendations_are_for_job_seekers()
    {
        using var employer = await Visitor.SignInAsync(App, Marketplace.BuildingBlocks.Application.Roles.Employer);
        (await employer.Browser.GetAsync("/Courses/ForYou")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
