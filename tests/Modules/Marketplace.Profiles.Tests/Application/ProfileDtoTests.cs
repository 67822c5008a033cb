using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Profiles.Tests.Application;

public sealed class ProfileDtoTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static SeekerProfile Saved(params SkillEntry[] skills)
    {
        var profile = SeekerProfile.Start(Guid.NewGuid(), Now);
        profile.Update(new ProfileDetails("Ada Lovelace", null, null, skills, JobPreferences.Default), Now).IsSuccess.ShouldBeTrue();
        return profile;
    }

    private static SkillsLibraryTaxonomy Taxonomy(params TaxonomyChange[] changes) =>
        new(new Skills(SkillTaxonomy.Embedded.WithOverlay(new TaxonomyOverlay(changes)).Taxonomy!));

    [Fact]
    public void A_mention_stored_unrecognised_shows_as_the_skill_once_the_taxonomy_learns_it()
    {
        var profile = Saved(new SkillEntry(null, "Zappa Streams", SkillLevel.Proficient, null, null));
        MyProfileDto.From(profile, null, Taxonomy()).Skills.ShouldHaveSingleItem().Recognised.ShouldBeFalse();

        var skill = MyProfileDto.From(profile, null, Taxonomy(new AddAlias("kafka", "Zappa Streams"))).Skills.ShouldHaveSingleItem();
        skill.Recognised.ShouldBeTrue();
        skill.SkillId.ShouldBe("kafka");
        skill.Name.ShouldBe("Apache Kafka");
        skill.Mention.ShouldBe("Zappa Streams");
        profile.UnrecognisedSkills.ShouldHaveSingleItem("the stored profile is the seeker's: it changes when they save it");
    }

    [Fact]
    public void A_learnt_mention_of_a_skill_already_on_the_profile_stays_as_written()
    {
        var profile = Saved(new SkillEntry("kafka", "Kafka", SkillLevel.Proficient, null, null), new SkillEntry(null, "Zappa Streams", SkillLevel.Beginner, null, null));
        var skills = MyProfileDto.From(profile, null, Taxonomy(new AddAlias("kafka", "Zappa Streams"))).Skills;
        skills.Count(s => s.SkillId == "kafka").ShouldBe(1);
        skills.Single(s => s.Mention == "Zappa Streams").Recognised.ShouldBeFalse();
    }

    private sealed class Skills(SkillTaxonomy taxonomy) : ISkillsFacade
    {
        public SkillTaxonomy Current => taxonomy;

        public IReadOnlyList<Skill> Normalize(string? mention) => taxonomy.Normalize(mention);

        public IReadOnlyList<Marketplace.Skills.Text.SkillSuggestion> Suggest(string? text, int limit = 8) => taxonomy.Suggest(text, limit);

        public Task ReportUnknownAsync(UnknownMentionOrigin origin, string placeId, IReadOnlyCollection<string> mentions, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
