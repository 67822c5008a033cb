using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Profiles.Application.Import;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Profiles.Tests.Import;

public sealed class CvSkillFinderTests
{
    private static readonly SkillsLibraryTaxonomy Taxonomy = new(new EmbeddedSkills());

    private static IReadOnlyList<CvSkillFinding> Find(string text) => CvSkillFinder.Find(text, Taxonomy, 2026);

    [Fact]
    public void Years_written_next_to_a_skill_are_suggested_for_it()
    {
        var found = Find("Backend engineer with 5 years of Go and 2 years of Rust. Kafka (3 yrs) for event streaming.");

        found.Single(f => f.Skill.Id == "go").Years.ShouldBe(5);
        found.Single(f => f.Skill.Id == "rust").Years.ShouldBe(2);
        found.Single(f => f.Skill.Id == "kafka").Years.ShouldBe(3);
    }

    [Fact]
    public void Each_skill_comes_with_the_sentence_it_was_found_in()
    {
        var found = Find("I live in Porto.\nDay to day I write C# on ASP.NET Core and keep PostgreSQL fast. Outside work I climb.");

        var postgres = found.Single(f => f.Skill.Id == "postgresql");
        postgres.Evidence.ShouldHaveSingleItem().ShouldBe("Day to day I write C# on ASP.NET Core and keep PostgreSQL fast.");
        found.Select(f => f.Skill.Id).ShouldBe(["csharp", "aspnet-core", "postgresql"]);
    }

    [Fact]
    public void The_dates_of_the_job_a_skill_is_listed_under_give_its_last_use_and_years()
    {
        const string cv = """
            Experience

            Senior engineer, Contoso (2021 – present)
            - Services in Kotlin on Kubernetes.

            Developer, Fabrikam (Mar 2015 - Jun 2019)
            - Java and Oracle Database.
            - Some Kubernetes at the end.
            """;

        var found = Find(cv);

        found.Single(f => f.Skill.Id == "kotlin").ShouldSatisfyAllConditions(k => k.LastUsed.ShouldBe(2026), k => k.Years.ShouldBe(5));
        found.Single(f => f.Skill.Id == "java").ShouldSatisfyAllConditions(j => j.LastUsed.ShouldBe(2019), j => j.Years.ShouldBe(4));
        // Under both jobs: the latest use, and the years of both added.
        found.Single(f => f.Skill.Id == "kubernetes").ShouldSatisfyAllConditions(k => k.LastUsed.ShouldBe(2026), k => k.Years.ShouldBe(9));
    }

    [Fact]
    public void Explicit_years_win_over_the_dates_of_the_job()
    {
        var found = Find("Engineer, Contoso (2010 – 2020)\n- Python for 3 years, then Go.");

        found.Single(f => f.Skill.Id == "python").Years.ShouldBe(3);
        found.Single(f => f.Skill.Id == "go").Years.ShouldBe(10);
    }

    [Fact]
    public void Levels_are_suggested_modestly_from_years_and_words()
    {
        var found = Find("Expert in PostgreSQL. 7 years of Java. Basic knowledge of Rust. Docker.");

        found.Single(f => f.Skill.Id == "postgresql").SuggestedLevel.ShouldBe(SkillLevel.Expert);
        found.Single(f => f.Skill.Id == "java").SuggestedLevel.ShouldBe(SkillLevel.Proficient);
        found.Single(f => f.Skill.Id == "rust").SuggestedLevel.ShouldBe(SkillLevel.Beginner);
        found.Single(f => f.Skill.Id == "docker").SuggestedLevel.ShouldBe(SkillLevel.Competent);
    }

    [Fact]
    public void A_skill_mentioned_often_is_one_finding_with_at_most_two_sentences()
    {
        var found = Find("C# at work. C# at home. C# everywhere.");

        var csharp = found.ShouldHaveSingleItem();
        csharp.Mentions.ShouldBe(3);
        csharp.Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public void A_long_sentence_is_cut_around_the_mention()
    {
        var filler = string.Concat(Enumerable.Repeat("and then we shipped more features to customers ", 12));
        var found = Find(filler + "using PostgreSQL " + filler);

        var evidence = found.Single(f => f.Skill.Id == "postgresql").Evidence.ShouldHaveSingleItem();
        evidence.Length.ShouldBeLessThanOrEqualTo(CvSkillFinder.MaxEvidenceLength + 2);
        evidence.ShouldContain("PostgreSQL");
        evidence.ShouldStartWith("…");
    }

    [Fact]
    public void Text_without_skills_finds_nothing() => Find("I like long walks and good coffee.").ShouldBeEmpty();

    // The shared taxonomy without an overlay: the embedded data only.
    private sealed class EmbeddedSkills : ISkillsFacade
    {
        public SkillTaxonomy Current => SkillTaxonomy.Embedded;

        public IReadOnlyList<Skill> Normalize(string? mention) => throw new NotSupportedException();

        public IReadOnlyList<Marketplace.Skills.Text.SkillSuggestion> Suggest(string? text, int limit = 8) => throw new NotSupportedException();

        public Task ReportUnknownAsync(UnknownMentionOrigin origin, string placeId, IReadOnlyCollection<string> mentions, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
