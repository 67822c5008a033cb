using System.Globalization;
using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Courses.Tests.Fixtures;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Courses.Tests.Pages;

/// <summary>
/// A posting asking for skills no other test's courses teach (Elixir and OCaml required, Clojure nice to have), so the plan
/// depends only on the courses this class adds.
/// </summary>
[Collection(CoursesCollection.Name)]
public sealed class PlanAndCompletionTests(CoursesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    private async Task<(Guid Posting, Guid Elixir, Guid OCaml, Guid Bootcamp)> SetUpAsync()
    {
        using var admin = await App.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var elixir = await admin.AddCourseAsync($"Elixir Essentials {tag}", "Elixir:3", duration: "10 hours", price: "30");
        var ocaml = await admin.AddCourseAsync($"Practical OCaml {tag}", "OCaml:4", duration: "20 hours", price: "0", level: "Intermediate");
        await admin.AddCourseAsync($"OCaml Taster {tag}", "OCaml:2", duration: "2 hours", price: "0");
        var bootcamp = await admin.AddCourseAsync($"Functional Bootcamp {tag}", "Elixir:3, OCaml:3", duration: "200 hours", price: "900");

        using var employer = App.CreateEmployerClient();
        var request = PostingRequests.Valid(required: ["elixir", "ocaml"], niceToHave: ["clojure"]);
        request["title"] = $"Functional backend engineer {tag}";
        var posting = await employer.PublishAsync(request);
        return (posting.GetProperty("id").GetGuid(), elixir, ocaml, bootcamp);
    }

    [Fact]
    public async Task The_plan_closes_required_gaps_first_with_the_fewest_hours_and_draws_the_score_it_reaches()
    {
        var (posting, elixir, ocaml, bootcamp) = await SetUpAsync();
        using var seeker = await App.SeekerAsync();
        await seeker.SaveProfileAsync(new { version = 0, skills = new[] { new { name = "SQL", level = 3 } } });

        var page = await seeker.PageAsync($"/Jobs/{posting}/Plan");
        var steps = page.QuerySelectorAll("[data-testid=plan-step]").ToList();
        steps.Select(s => Guid.Parse(s.GetAttribute("data-course-id")!)).ShouldBe([elixir, ocaml]);
        var scores = steps.Select(s => double.Parse(s.QuerySelector("[data-testid=step-score]")!.TextContent, CultureInfo.InvariantCulture)).ToList();
        var before = double.Parse(page.QuerySelector("[data-testid=score-before]")!.TextContent, CultureInfo.InvariantCulture);
        var after = double.Parse(page.QuerySelector("[data-testid=score-after]")!.TextContent, CultureInfo.InvariantCulture);
        before.ShouldBeLessThan(scores[0]);
        scores[0].ShouldBeLessThan(scores[1]);
        after.ShouldBe(scores[1]);

        page.QuerySelector("[data-testid=unclosed]")!.TextContent.ShouldContain("No course in the catalog teaches Clojure yet.");
        var ocamlGap = page.QuerySelector("[data-testid=gap][data-skill-id=ocaml]")!;
        ocamlGap.QuerySelector($"a[href='/Courses/{bootcamp}']").ShouldNotBeNull("the bootcamp is the other course for the OCaml gap");
        var chart = page.QuerySelector("svg[data-testid=plan-chart]")!;
        chart.QuerySelectorAll("circle").Length.ShouldBe(3);
        chart.GetAttribute("role").ShouldBe("img");
    }

    [Fact]
    public async Task Completing_the_first_course_raises_the_profile_s_skill_and_the_score_rises_to_the_plan_s_projection()
    {
        var (posting, elixir, _, _) = await SetUpAsync();
        using var seeker = await App.SeekerAsync();
        await seeker.SaveProfileAsync(new { version = 0, skills = new[] { new { name = "SQL", level = 3 } } });
        var plan = await seeker.PageAsync($"/Jobs/{posting}/Plan");
        var projected = plan.QuerySelector("[data-testid=step-score]")!.TextContent;
        var profileEvents = await ProfileChangesAsync(seeker.Id);

        (await seeker.EnrolmentAsync(elixir, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.EnrolmentAsync(elixir, "Progress", new KeyValuePair<string, string>("Progress", "60"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.PageAsync($"/Courses/{elixir}")).QuerySelector("[data-testid=progress]")!.TextContent.ShouldBe("60 %");
        (await seeker.PageAsync("/Courses/Learning")).QuerySelector("[data-testid=learning]")!.TextContent.ShouldContain("60 %");
        (await seeker.EnrolmentAsync(elixir, "Complete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.WaitForBackgroundWorkAsync();

        var skills = await App.WithProfilesDbAsync(db => db.Profiles.AsNoTracking().Where(p => p.Id == seeker.Id).Select(p => p.Skills).SingleAsync());
        var learned = skills.Single(s => s.SkillId == "elixir");
        ((int)learned.Level, learned.SourceName).ShouldBe((3, (await App.WithCoursesDbAsync(db => db.Courses.SingleAsync(c => c.Id == elixir))).Title));
        (await ProfileChangesAsync(seeker.Id)).ShouldBe(profileEvents + 1, "the changed profile is announced, which is what makes matching rematch it");

        var replanned = await seeker.PageAsync($"/Jobs/{posting}/Plan");
        replanned.QuerySelector("[data-testid=score-before]")!.TextContent.ShouldBe(projected);
        replanned.QuerySelectorAll("[data-testid=plan-step]").Single().GetAttribute("data-course-id").ShouldNotBe(elixir.ToString());
        using var again = await seeker.EnrolmentAsync(elixir, "Complete");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.PageAsync($"/Courses/{elixir}")).QuerySelector("[data-testid=problem]")!.TextContent.ShouldContain("already completed");
    }

    /// <summary>The ProfileChanged events the Profiles module published for the seeker.</summary>
    private async Task<int> ProfileChangesAsync(Guid seekerId)
    {
        var payloads = await App.WithProfilesDbAsync(db => db.OutboxMessages.Where(m => m.Type == "profiles.profile-changed").Select(m => m.Payload).ToListAsync());
        return payloads.Count(p => p.Contains(seekerId.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_seeker_s_enrolments_are_theirs_alone_in_their_data_download_and_erased_with_the_account()
    {
        var (_, elixir, _, _) = await SetUpAsync();
        using var seeker = await App.SeekerAsync();
        using var other = await App.SeekerAsync();
        using var employer = await Visitor.SignInAsync(App, Roles.Employer);
        (await seeker.EnrolmentAsync(elixir, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var otherProgress = await other.EnrolmentAsync(elixir, "Progress", new KeyValuePair<string, string>("Progress", "90"));
        otherProgress.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PageAsync("/Courses/Learning")).QuerySelector("[data-testid=learning]").ShouldBeNull();
        (await employer.EnrolmentAsync(elixir, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employer.Browser.GetAsync("/Courses/Learning")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.WithCoursesDbAsync(db => db.Enrolments.SingleAsync(e => e.SeekerId == seeker.Id))).Progress.ShouldBe(0);

        var export = await App.InScopeAsync(services => services.GetServices<IPersonalDataSource>().Single(s => s.Module == "courses").ExportAsync(seeker.Id, CancellationToken.None));
        System.Text.Json.JsonSerializer.Serialize(export).ShouldContain(elixir.ToString());
        (await App.InScopeAsync(services => services.GetServices<IPersonalDataSource>().Single(s => s.Module == "courses").ExportAsync(other.Id, CancellationToken.None))).ShouldBeNull();

        await App.InScopeAsync(async services =>
        {
            var handler = services.GetServices<IIntegrationEventHandler<UserDeleted>>().Single(h => h.GetType().Assembly.GetName().Name!.StartsWith("Marketplace.Courses", StringComparison.Ordinal));
            await handler.HandleAsync(new UserDeleted(Guid.NewGuid(), DateTimeOffset.UtcNow, seeker.Id), CancellationToken.None);
            return 0;
        });
        (await App.WithCoursesDbAsync(db => db.Enrolments.CountAsync(e => e.SeekerId == seeker.Id))).ShouldBe(0);
    }
}

internal static class ProfilesDb
{
    public static Task<T> WithProfilesDbAsync<T>(this MarketplaceApp app, Func<ProfilesDbContext, Task<T>> query) =>
        app.InScopeAsync(services => query(services.GetRequiredService<ProfilesDbContext>()));
}
