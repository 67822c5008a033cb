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

    /// <summary>Skills of the taxonomy no other test of the collection asks for or teaches, a set for each test, so one test's
    /// courses never enter another's plan (Elixir and OCaml are the class's example; the rest nothing implies or relates to).</summary>
    private static readonly Dictionary<string, (string First, string Second, string Nice)> SkillsOf = new()
    {
        [nameof(The_plan_closes_required_gaps_first_with_the_fewest_hours_and_draws_the_score_it_reaches)] = ("elixir", "ocaml", "clojure"),
        [nameof(Completing_the_first_course_raises_the_profile_s_skill_and_the_score_on_matches_rises_to_the_plan_s_projection)] = ("time-series-databases", "data-modeling", "great-expectations"),
        [nameof(Without_a_profile_the_plan_says_to_add_skills_first)] = ("control-m", "data-mesh", "big-data"),
        [nameof(A_seeker_s_enrolments_are_theirs_alone_in_their_data_download_and_erased_with_the_account)] = ("search-engines", "web-performance", "i18n"),
    };

    private async Task<(Guid Posting, Guid Elixir, Guid OCaml, Guid Bootcamp)> SetUpAsync([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var (first, second, nice) = SkillsOf[test];
        using var admin = await App.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var elixir = await admin.AddCourseAsync($"{first} Essentials {tag}", $"{first}:3", duration: "10 hours", price: "30");
        var ocaml = await admin.AddCourseAsync($"Practical {second} {tag}", $"{second}:4", duration: "20 hours", price: "0", level: "Intermediate");
        await admin.AddCourseAsync($"{second} Taster {tag}", $"{second}:2", duration: "2 hours", price: "0");
        var bootcamp = await admin.AddCourseAsync($"Bootcamp {tag}", $"{first}:3, {second}:3", duration: "200 hours", price: "900");

        using var employer = App.CreateEmployerClient();
        var request = PostingRequests.Valid(required: [first, second], niceToHave: [nice]);
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

        var page = await seeker.ReadyPlanAsync(posting);
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
    public async Task Completing_the_first_course_raises_the_profile_s_skill_and_the_score_on_matches_rises_to_the_plan_s_projection()
    {
        var (posting, elixir, _, _) = await SetUpAsync();
        using var seeker = await App.SeekerAsync();
        await seeker.SaveProfileAsync(new { version = 0, skills = new[] { new { name = "SQL", level = 3 } } });
        var plan = await seeker.ReadyPlanAsync(posting);
        var before = Score(plan.QuerySelector("[data-testid=score-before]")!.TextContent);
        var projected = Score(plan.QuerySelector("[data-testid=step-score]")!.TextContent);
        projected.ShouldBeGreaterThan(before);
        // The plan starts where the seeker's matches stand: both are Matching's scores.
        (await seeker.MatchScoreAsync(posting, s => Math.Abs(s - before) < 0.05)).ShouldBe(before, 0.05);
        var profileEvents = await ProfileChangesAsync(seeker.Id);

        (await seeker.EnrolmentAsync(elixir, "Enrol")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.EnrolmentAsync(elixir, "Progress", new KeyValuePair<string, string>("Progress", "60"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.PageAsync($"/Courses/{elixir}")).QuerySelector("[data-testid=progress]")!.TextContent.ShouldBe("60 %");
        (await seeker.PageAsync("/Courses/Learning")).QuerySelector("[data-testid=learning]")!.TextContent.ShouldContain("60 %");
        (await seeker.EnrolmentAsync(elixir, "Complete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await App.WaitForBackgroundWorkAsync();

        var skills = await App.WithProfilesDbAsync(db => db.Profiles.AsNoTracking().Where(p => p.Id == seeker.Id).Select(p => p.Skills).SingleAsync());
        var learned = skills.Single(s => s.SkillId == SkillsOf[nameof(Completing_the_first_course_raises_the_profile_s_skill_and_the_score_on_matches_rises_to_the_plan_s_projection)].First);
        ((int)learned.Level, learned.SourceName).ShouldBe((3, (await App.WithCoursesDbAsync(db => db.Courses.SingleAsync(c => c.Id == elixir))).Title));
        (await ProfileChangesAsync(seeker.Id)).ShouldBe(profileEvents + 1, "the changed profile is announced, which is what makes matching rematch it");

        // Matching takes the changed profile in from its feed; the score /Matches shows reaches the step's projection.
        (await seeker.MatchScoreAsync(posting, s => s > before)).ShouldBe(projected, 0.05);
        var replanned = await seeker.ReadyPlanAsync(posting);
        Score(replanned.QuerySelector("[data-testid=score-before]")!.TextContent).ShouldBe(projected, 0.05);
        replanned.QuerySelectorAll("[data-testid=plan-step]").Single().GetAttribute("data-course-id").ShouldNotBe(elixir.ToString());
        using var again = await seeker.EnrolmentAsync(elixir, "Complete");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await seeker.PageAsync($"/Courses/{elixir}")).QuerySelector("[data-testid=problem]")!.TextContent.ShouldContain("already completed");
    }

    [Fact]
    public async Task Without_a_profile_the_plan_says_to_add_skills_first()
    {
        var (posting, _, _, _) = await SetUpAsync();
        using var seeker = await App.SeekerAsync();
        var page = await seeker.PageAsync($"/Jobs/{posting}/Plan");
        page.QuerySelector("[data-testid=no-profile]")!.TextContent.ShouldContain("Add your skills");
        page.QuerySelector("[data-testid=plan-step]").ShouldBeNull();
        (await seeker.PageAsync($"/Jobs/{Guid.NewGuid()}/Plan", HttpStatusCode.NotFound)).ShouldNotBeNull();
    }

    private static double Score(string text) => double.Parse(text, CultureInfo.InvariantCulture);

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
