using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Postings;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

public sealed class JobPostingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static PostingDetails Details(
        WorkMode workMode = WorkMode.Remote,
        string? location = null,
        SalaryRange? salary = null,
        params PostingSkill[] skills) =>
        new("Backend developer", "Acme", null, Seniority.Mid, location, workMode, salary,
            skills.Length > 0 ? skills : [new PostingSkill("csharp", 3, 5, required: true)]);

    [Fact]
    public void Publishing_keeps_the_details_and_normalizes_skill_ids()
    {
        var result = JobPosting.Publish(Guid.NewGuid(), Details(skills: [new(" CSharp ", 4, 8, true), new("Docker", 2, 1, false)]), null, Now);

        result.IsSuccess.ShouldBeTrue();
        var posting = result.Value;
        posting.RequiredSkills.Select(s => s.SkillId).ShouldBe(["csharp"]);
        posting.NiceToHaveSkills.Select(s => s.SkillId).ShouldBe(["docker"]);
        posting.PublishedAt.ShouldBe(Now);
        posting.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_posting_without_a_required_skill_is_refused()
    {
        var result = JobPosting.Publish(Guid.NewGuid(), Details(skills: [new PostingSkill("docker", 2, 1, required: false)]), null, Now);

        result.IsFailure.ShouldBeTrue();
        result.Errors.ShouldContain(e => e.Field == "RequiredSkills" && e.Kind == ErrorKind.Validation);
    }

    [Fact]
    public void A_skill_listed_twice_is_refused_even_with_different_case()
    {
        var result = JobPosting.Publish(Guid.NewGuid(), Details(skills: [new("csharp", 3, 5, true), new("CSharp", 2, 1, false)]), null, Now);

        result.Errors.ShouldContain(e => e.Message.Contains("more than once"));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(3, 0)]
    [InlineData(3, 11)]
    public void Levels_and_weights_out_of_range_are_refused(int level, int weight)
    {
        var result = JobPosting.Publish(Guid.NewGuid(), Details(skills: [new("csharp", level, weight, true)]), null, Now);

        result.IsFailure.ShouldBeTrue();
    }

    [Fact]
    public void An_on_site_posting_needs_a_location_and_a_remote_one_does_not()
    {
        JobPosting.Publish(Guid.NewGuid(), Details(WorkMode.OnSite), null, Now).Errors.ShouldContain(e => e.Field == "Location");
        JobPosting.Publish(Guid.NewGuid(), Details(WorkMode.Remote), null, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void A_salary_range_must_not_run_backwards()
    {
        JobPosting.Publish(Guid.NewGuid(), Details(salary: new SalaryRange(90_000, 50_000, "EUR")), null, Now)
            .Errors.ShouldContain(e => e.Field == "Salary");
    }

    [Fact]
    public void Editing_replaces_the_details_and_moves_the_update_time_but_not_the_publication_time()
    {
        var posting = JobPosting.Publish(Guid.NewGuid(), Details(), null, Now).Value;
        var later = Now.AddHours(2);

        var edited = posting.Edit(Details(WorkMode.OnSite, "Lisbon", new SalaryRange(1, 2, "eur"), new PostingSkill("go", 2, 3, true)), later);

        edited.IsSuccess.ShouldBeTrue();
        posting.Location.ShouldBe("Lisbon");
        posting.Salary.ShouldBe(new SalaryRange(1, 2, "EUR"));
        posting.Skills.Select(s => s.SkillId).ShouldBe(["go"]);
        posting.PublishedAt.ShouldBe(Now);
        posting.UpdatedAt.ShouldBe(later);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var posting = JobPosting.Publish(Guid.NewGuid(), Details(), null, Now).Value;

        var edited = posting.Edit(Details(WorkMode.OnSite, location: null), Now.AddHours(1));

        edited.IsFailure.ShouldBeTrue();
        posting.WorkMode.ShouldBe(WorkMode.Remote);
        posting.UpdatedAt.ShouldBe(Now);
    }
}
