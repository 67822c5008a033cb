using CsCheck;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Tests.Domain;

public sealed class SeekerProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static SkillEntry Skill(string? id, string mention, int level = 3, decimal? years = null, int? lastUsed = null) =>
        new(id, mention, (SkillLevel)level, years, lastUsed);

    private static ProfileDetails Details(IReadOnlyList<SkillEntry>? skills = null, JobPreferences? preferences = null, string? headline = null) =>
        new("Ada Lovelace", headline, null, skills ?? [], preferences ?? JobPreferences.Default);

    private static SeekerProfile Saved(params SkillEntry[] skills)
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
        profile.Update(Details(skills), Now).IsSuccess.ShouldBeTrue();
        return profile;
    }

    [Theory]
    [InlineData(1, "Aware")]
    [InlineData(3, "Competent")]
    [InlineData(5, "Expert")]
    public void Levels_run_from_1_to_5_and_have_words(int level, string word)
    {
        var profile = Saved(Skill("csharp", "C#", level));

        profile.Skills.ShouldHaveSingleItem().Level.ToString().ShouldBe(word);
        SkillLevels.Describe((SkillLevel)level).ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_level_outside_1_to_5_is_refused_naming_the_field(int level)
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);

        var result = profile.Update(Details([Skill("go", "Go"), Skill("csharp", "C#", level)]), Now);

        result.IsFailure.ShouldBeTrue();
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Skills[1].Level");
    }

    [Fact]
    public void The_same_skill_twice_is_refused_on_the_second_entry()
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);

        var result = profile.Update(Details([Skill("postgresql", "postgres"), Skill("go", "Go"), Skill("postgresql", "PostgreSQL", 4)]), Now);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Skills[2].SkillId");
    }

    [Fact]
    public void An_unrecognised_mention_twice_in_other_case_and_spacing_is_a_duplicate()
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);

        var result = profile.Update(Details([Skill(null, "Acme  Build Tool"), Skill(null, "acme build tool")]), Now);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Skills[1].Name");
    }

    [Fact]
    public void An_unrecognised_mention_is_kept_as_written()
    {
        var profile = Saved(Skill("csharp", "C#", 4), Skill(null, "  Temenos T24 ", 2));

        var unrecognised = profile.UnrecognisedSkills.ShouldHaveSingleItem();
        unrecognised.Mention.ShouldBe("Temenos T24");
        unrecognised.IsRecognised.ShouldBeFalse();
        profile.RecognisedSkills.ShouldHaveSingleItem().SkillId.ShouldBe("csharp");
    }

    [Fact]
    public void A_failed_update_changes_nothing()
    {
        var profile = Saved(Skill("csharp", "C#", 4));
        var revision = profile.Revision;

        var result = profile.Update(Details([Skill("go", "Go", 9)], headline: "New headline"), Now.AddDays(1));

        result.IsFailure.ShouldBeTrue();
        profile.Revision.ShouldBe(revision);
        profile.Headline.ShouldBeNull();
        profile.Skills.ShouldHaveSingleItem().SkillId.ShouldBe("csharp");
    }

    [Fact]
    public void Every_change_raises_the_revision()
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
        profile.Revision.ShouldBe(0);

        profile.Update(Details([Skill("go", "Go")]), Now).IsSuccess.ShouldBeTrue();
        profile.Update(Details([Skill("go", "Go", 4)]), Now).IsSuccess.ShouldBeTrue();

        profile.Revision.ShouldBe(2);
    }

    [Theory]
    [InlineData(-1.0, null)]
    [InlineData(61.0, null)]
    [InlineData(2.25, null)]
    [InlineData(null, 1949)]
    [InlineData(null, 2027)]
    public void Years_and_the_year_last_used_must_be_plausible(double? years, int? lastUsed)
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);

        var result = profile.Update(Details([Skill("go", "Go", 3, (decimal?)years, lastUsed)]), Now);

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe(years is null ? "Skills[0].LastUsed" : "Skills[0].Years");
    }

    [Fact]
    public void Visibility_is_shown_where_the_seeker_applies_until_they_choose()
    {
        SeekerProfile.Start(Guid.NewGuid(), Now).Preferences.Visibility.ShouldBe(ProfileVisibility.Applications);

        var profile = Saved();
        profile.Update(Details(preferences: new JobPreferences { Visibility = ProfileVisibility.Private }), Now).IsSuccess.ShouldBeTrue();

        profile.Preferences.Visibility.ShouldBe(ProfileVisibility.Private);
    }

    [Fact]
    public void Preferences_check_countries_currencies_and_duplicate_places()
    {
        var preferences = new JobPreferences
        {
            WorkModes = [WorkMode.Remote, WorkMode.Remote],
            Locations = [new("DE", "Berlin"), new("XX", null), new("DE", "berlin")],
            MinimumSalary = new SalaryExpectation(0, "EURO", PayPeriod.Year),
        };

        var fields = preferences.Check().Select(e => e.Field).ToList();

        fields.ShouldBe(
        [
            "Preferences.WorkModes", "Preferences.Locations[1].Country", "Preferences.Locations[2]",
            "Preferences.MinimumSalary.Amount", "Preferences.MinimumSalary.Currency",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(PayPeriod.Year, 60_000, 60_000)]
    [InlineData(PayPeriod.Month, 5_000, 60_000)]
    [InlineData(PayPeriod.Day, 400, 88_000)]
    [InlineData(PayPeriod.Hour, 50, 88_000)]
    public void A_salary_of_any_period_has_a_yearly_amount(PayPeriod period, int amount, int yearly) =>
        new SalaryExpectation(amount, "EUR", period).YearlyAmount.ShouldBe(yearly);

    [Fact]
    public void Importing_adds_new_skills_updates_changed_ones_and_leaves_the_rest()
    {
        var profile = Saved(Skill("csharp", "C#", 4, 5), Skill("go", "Go", 2, 1));

        var imported = profile.ImportSkills([Skill("csharp", "C#", 4, 5), Skill("go", "Go", 3, 2, 2026), Skill("kafka", "Kafka", 3)], Now);

        imported.Value.ShouldBe(new ImportOutcome(Added: 1, Updated: 1));
        profile.Skills.Select(s => (s.SkillId, (int)s.Level)).ShouldBe([("csharp", 4), ("go", 3), ("kafka", 3)]);
        profile.Find("kafka")!.Source.ShouldBe(SkillSource.CvImport);
        profile.Find("csharp")!.Source.ShouldBe(SkillSource.Manual);
    }

    [Fact]
    public void Importing_nothing_new_does_not_raise_the_revision()
    {
        var profile = Saved(Skill("csharp", "C#", 4, 5));
        var revision = profile.Revision;

        profile.ImportSkills([Skill("csharp", "C#", 4, 5)], Now).Value.ShouldBe(new ImportOutcome(0, 0));

        profile.Revision.ShouldBe(revision);
    }

    [Fact]
    public void A_course_adds_a_skill_marked_with_it_and_undoing_removes_it()
    {
        var profile = Saved(Skill("csharp", "C#", 4));

        profile.ApplyCourseSkill("course-1", "Kafka in practice", "kafka", "Kafka", SkillLevel.Competent, Now).Value.ShouldBeTrue();

        var kafka = profile.Find("kafka")!;
        kafka.Source.ShouldBe(SkillSource.Course);
        kafka.SourceName.ShouldBe("Kafka in practice");
        profile.UndoCourseSkill("kafka", Now).IsSuccess.ShouldBeTrue();
        profile.Find("kafka").ShouldBeNull();
    }

    [Fact]
    public void A_course_raises_a_lower_skill_and_undoing_restores_the_level_before_any_course()
    {
        var profile = Saved(Skill("go", "Go", 2, 1));

        profile.ApplyCourseSkill("c1", "Go basics", "go", "Go", SkillLevel.Competent, Now).Value.ShouldBeTrue();
        profile.ApplyCourseSkill("c2", "Advanced Go", "go", "Go", SkillLevel.Proficient, Now).Value.ShouldBeTrue();
        profile.ApplyCourseSkill("c3", "Go again", "go", "Go", SkillLevel.Beginner, Now).Value.ShouldBeFalse();

        profile.Find("go")!.ShouldSatisfyAllConditions(
            s => s.Level.ShouldBe(SkillLevel.Proficient),
            s => s.SourceName.ShouldBe("Advanced Go"),
            s => s.Years.ShouldBe(1));
        profile.UndoCourseSkill("go", Now).IsSuccess.ShouldBeTrue();
        profile.Find("go")!.ShouldSatisfyAllConditions(s => s.Level.ShouldBe(SkillLevel.Beginner), s => s.Source.ShouldBe(SkillSource.Manual));
    }

    [Fact]
    public void Changing_a_course_skills_level_by_hand_makes_it_the_seekers_own()
    {
        var profile = Saved();
        profile.ApplyCourseSkill("c1", "Kafka", "kafka", "Kafka", SkillLevel.Competent, Now);

        profile.Update(Details([Skill("kafka", "Kafka", 4)]), Now).IsSuccess.ShouldBeTrue();

        profile.Find("kafka")!.Source.ShouldBe(SkillSource.Manual);
        profile.UndoCourseSkill("kafka", Now).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public void Completeness_reaches_100_only_with_every_step()
    {
        var empty = ProfileCompleteness.Of(null);
        empty.Percent.ShouldBe(0);
        empty.Next!.Key.ShouldBe("skills");

        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
        profile.Update(new ProfileDetails("Ada", "Backend engineer", "I build things.",
            [Skill("csharp", "C#", 4, 6), Skill("go", "Go", 3, 2), Skill("postgresql", "PostgreSQL", 3, 4), Skill("docker", "Docker"), Skill("kafka", "Kafka")],
            new JobPreferences
            {
                Seniority = Seniority.Senior,
                WorkModes = [WorkMode.Hybrid],
                Locations = [new("PT", "Lisbon")],
                MinimumSalary = new SalaryExpectation(50_000, "EUR", PayPeriod.Year),
            }), Now).IsSuccess.ShouldBeTrue();

        var complete = ProfileCompleteness.Of(profile);
        complete.Percent.ShouldBe(100);
        complete.Next.ShouldBeNull();
    }

    [Fact]
    public void Unrecognised_skills_do_not_count_towards_completeness()
    {
        var profile = Saved(Skill(null, "A"), Skill(null, "B"), Skill(null, "C"), Skill(null, "D"), Skill(null, "E"));

        ProfileCompleteness.Of(profile).Steps.Single(s => s.Key == "skills").Done.ShouldBeFalse();
    }

    [Fact]
    public void Hybrid_work_needs_a_place_for_its_step_and_remote_only_does_not()
    {
        var hybrid = Saved();
        hybrid.Update(Details(preferences: new JobPreferences { WorkModes = [WorkMode.Hybrid] }), Now);
        var remote = Saved();
        remote.Update(Details(preferences: new JobPreferences { WorkModes = [WorkMode.Remote] }), Now);

        ProfileCompleteness.Of(hybrid).Steps.Single(s => s.Key == "work").Done.ShouldBeFalse();
        ProfileCompleteness.Of(remote).Steps.Single(s => s.Key == "work").Done.ShouldBeTrue();
    }

    [Fact]
    public void The_weights_of_the_steps_add_up_to_100() =>
        ProfileCompleteness.Of(null).Steps.Sum(s => s.Weight).ShouldBe(100);

    private static readonly string[] Ids = ["csharp", "go", "java", "python", "postgresql", "kafka", "docker", "kubernetes", "redis", "rust"];

    [Fact]
    public void Any_list_of_distinct_valid_skills_is_kept_in_order_and_one_repeat_is_named_at_its_second_place()
    {
        var entries = Gen.Int[0, Ids.Length - 1].Array[0, 8]
            .Select(picks => picks.Distinct().Select(i => Skill(Ids[i], Ids[i])).ToArray())
            .SelectMany(skills => Gen.Int[1, 5].Array[skills.Length].Select(levels => skills.Select((s, i) => s with { Level = (SkillLevel)levels[i] }).ToArray()));

        entries.Sample(skills =>
        {
            var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
            profile.Update(Details(skills), Now).IsSuccess.ShouldBeTrue();
            profile.Skills.Select(s => (s.SkillId, s.Level)).ShouldBe(skills.Select(s => (s.SkillId, s.Level)));

            if (skills.Length > 0)
            {
                var repeated = skills.Append(skills[0] with { Level = SkillLevel.Expert }).ToArray();
                var failed = SeekerProfile.Start(Guid.NewGuid(), Now).Update(Details(repeated), Now);
                failed.Errors.ShouldHaveSingleItem().Field.ShouldBe($"Skills[{skills.Length}].SkillId");
            }
        });
    }

    [Fact]
    public void Completeness_is_the_sum_of_the_weights_done_and_never_falls_when_a_step_is_added()
    {
        var gen = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 5], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool);
        gen.Sample((skills, withYears, name, headline, salary, seniority) =>
        {
            var entries = Ids.Take(skills).Select((id, i) => Skill(id, id, 3, i < withYears ? 2 : null)).ToList();
            var preferences = new JobPreferences
            {
                Seniority = seniority ? Seniority.Mid : null,
                MinimumSalary = salary ? new SalaryExpectation(1, "EUR", PayPeriod.Year) : null,
            };
            var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
            profile.Update(new ProfileDetails(name ? "Ada" : null, headline ? "Engineer" : null, null, entries, preferences), Now).IsSuccess.ShouldBeTrue();
            var before = ProfileCompleteness.Of(profile);
            before.Percent.ShouldBe(before.Steps.Where(s => s.Done).Sum(s => s.Weight));

            profile.Update(new ProfileDetails(name ? "Ada" : null, headline ? "Engineer" : null, "Now with a summary.", entries, preferences), Now).IsSuccess.ShouldBeTrue();
            ProfileCompleteness.Of(profile).Percent.ShouldBeGreaterThanOrEqualTo(before.Percent);
        });
    }

    [Fact]
    public void Countries_and_currencies_are_iso_codes() =>
        new[] { Countries.Normalize("de"), Countries.Normalize("GB"), Countries.Normalize("UK"), Currencies.Normalize("eur"), Currencies.Normalize("EURO") }
            .ShouldBe(["DE", "GB", null, "EUR", null]);
}
