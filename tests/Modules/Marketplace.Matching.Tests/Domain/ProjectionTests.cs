using CsCheck;
using Marketplace.Matching.Application.Projections;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Domain.Runs;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Tests.Domain;

public sealed class ProjectionTests
{
    private static readonly SkillTaxonomy Taxonomy = SkillTaxonomy.Embedded;

    [Fact]
    public void A_revision_supersedes_only_a_lower_one()
    {
        Gen.Select(Gen.Long[0, 1000], Gen.Long[0, 1000]).Sample((incoming, applied) =>
            ProfileProjection.Supersedes(incoming, applied).ShouldBe(incoming > applied));
        ProfileProjection.Supersedes(1, null).ShouldBeTrue();
    }

    [Fact]
    public void A_profile_event_becomes_the_engine_profile_it_describes_and_unknown_skills_are_left_out()
    {
        var e = Events.Profile(Guid.NewGuid(), 3, [("csharp", 4), ("no-such-skill-anywhere", 3)], visibility: "Discoverable") with
        {
            WorkModes = ["Remote"],
            MinimumSalary = new Profiles.Contracts.MinimumSalaryData(5000, "EUR", "Month", 60000),
        };
        var projection = ProjectProfile.ToProjection(e);
        projection.IsCandidate.ShouldBeTrue();
        var profile = projection.ToEngine(Taxonomy);
        profile.Id.ShouldBe(e.ProfileId.ToString());
        profile.Skills.ShouldHaveSingleItem().ShouldBe(new ProfileSkill("csharp", 4, 3));
        profile.Seniority.ShouldBe(Seniority.Senior);
        profile.Preferences!.Remote.ShouldBe(RemotePreference.Remote);
        profile.Preferences.MinSalary.ShouldBe(60000);
        profile.Preferences.Country.ShouldBe("DE");
    }

    [Theory]
    [InlineData("Private", false)]
    [InlineData("Applications", false)]
    [InlineData("Discoverable", true)]
    [InlineData("something new", false)]
    public void Only_a_discoverable_profile_is_a_candidate(string visibility, bool candidate) =>
        ProjectProfile.ToProjection(Events.Profile(Guid.NewGuid(), 1, [("csharp", 3)], visibility)).IsCandidate.ShouldBe(candidate);

    [Fact]
    public void A_removed_profile_is_never_a_candidate() => ProfileProjection.Tombstone(Guid.NewGuid(), 9).IsCandidate.ShouldBeFalse();

    [Fact]
    public void A_posting_snapshot_becomes_the_engine_posting_and_only_a_published_one_is_open()
    {
        var snapshot = Events.Posting(Guid.NewGuid(), 2, [("csharp", true), ("kafka", false)], dealbreakerFirst: true);
        var projection = ProjectPosting.ToProjection(snapshot);
        projection.IsOpen.ShouldBeTrue();
        var posting = projection.ToEngine(Taxonomy);
        posting.Required.ShouldHaveSingleItem().ShouldBe(new SkillRequirement("csharp", 3, 5, Dealbreaker: true));
        posting.NiceToHave.ShouldHaveSingleItem().ShouldBe(new SkillRequirement("kafka", 3, 2));
        posting.WorkMode.ShouldBe(WorkMode.Hybrid);
        posting.Country.ShouldBe("DE");
        posting.Salary.ShouldBe(new SalaryRange(60000, 80000));
        ProjectPosting.ToProjection(snapshot with { Status = "Closed" }).IsOpen.ShouldBeFalse();
        ProjectPosting.ToProjection(snapshot with { Status = "OnHold" }).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void A_run_reports_its_progress_rate_and_time_left()
    {
        var start = DateTimeOffset.Parse("2026-12-01T10:00:00Z");
        var run = new RematchRun(Guid.NewGuid(), start, 10, "admin");
        run.Progress.ShouldBe(0);
        run.Pace(start.AddSeconds(5)).ShouldBe((0, null));
        for (int i = 0; i < 4; i++) run.BatchDone(start.AddSeconds(2 * (i + 1)));
        run.Progress.ShouldBe(0.4);
        var (rate, left) = run.Pace(start.AddSeconds(8));
        rate.ShouldBe(0.5);
        left.ShouldBe(TimeSpan.FromSeconds(12));
        for (int i = 0; i < 6; i++) run.BatchDone(start.AddSeconds(20));
        run.IsFinished.ShouldBeTrue();
        run.Duration.ShouldBe(TimeSpan.FromSeconds(20));
        run.Pace(start.AddHours(1)).Left.ShouldBe(TimeSpan.Zero);
        Should.Throw<InvalidOperationException>(() => run.BatchDone(start.AddSeconds(30)));
        Should.Throw<ArgumentOutOfRangeException>(() => new RematchRun(Guid.NewGuid(), start, 0, "admin"));
    }
}
