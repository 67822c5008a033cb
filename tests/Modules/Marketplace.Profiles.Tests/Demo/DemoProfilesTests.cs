using Marketplace.BuildingBlocks.Application;
using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Profiles.Infrastructure.Demo;
using Marketplace.Profiles.Tests.Fixtures;
using Marketplace.Skills.Taxonomy;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Tests.Demo;

public sealed class DemoProfileGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static DemoProfileGenerator Generator() => new(SkillTaxonomy.Embedded, seed: 11, year: Now.Year);

    [Fact]
    public void The_same_seed_gives_the_same_people_and_ids()
    {
        var first = Enumerable.Range(0, 50).Select(n => Generator().Generate(n, DemoProfileGenerator.DemoId(n))).ToList();
        var again = Enumerable.Range(0, 50).Select(n => Generator().Generate(n, DemoProfileGenerator.DemoId(n))).ToList();

        again.Select(p => (p.Id, p.Details.DisplayName, p.Details.Headline, string.Join(",", p.Details.Skills.Select(s => $"{s.SkillId}:{s.Level}:{s.Years}"))))
            .ShouldBe(first.Select(p => (p.Id, p.Details.DisplayName, p.Details.Headline, string.Join(",", p.Details.Skills.Select(s => $"{s.SkillId}:{s.Level}:{s.Years}")))));
        first.Select(p => p.Id).ShouldBeUnique();
    }

    [Fact]
    public void Every_generated_profile_keeps_the_profiles_rules_and_looks_like_a_backend_developer()
    {
        var generator = Generator();
        var people = Enumerable.Range(0, 2_000).Select(n => generator.Generate(n, DemoProfileGenerator.DemoId(n))).ToList();

        foreach (var person in people)
        {
            var profile = SeekerProfile.Start(person.Id, Now);
            var updated = profile.Update(person.Details, Now);
            updated.IsSuccess.ShouldBeTrue($"{person.Id}: {string.Join("; ", updated.Errors.Select(e => $"{e.Field} {e.Message}"))}");
            profile.RecognisedSkills.Count().ShouldBeInRange(5, 14);
        }

        // Stacks that go together: most profiles hold a database, and what their anchor skill implies.
        var databases = SkillTaxonomy.Embedded.Skills.Where(s => s.Category == "database").Select(s => s.Id).ToHashSet();
        people.Count(p => p.Details.Skills.Any(s => s.SkillId is { } id && databases.Contains(id))).ShouldBeGreaterThan(people.Count * 8 / 10);
        people.Select(p => p.Details.Preferences.Locations[0].Country).Distinct().Count().ShouldBeGreaterThan(8);
        people.Count(p => p.Details.Preferences.Visibility == ProfileVisibility.Discoverable).ShouldBeGreaterThan(people.Count / 2);
        people.Count(p => p.Details.Skills.Any(s => s.SkillId is null)).ShouldBeInRange(1, people.Count / 10);
    }

    [Fact]
    public void A_demo_account_gets_a_complete_profile_and_a_cv()
    {
        var person = Generator().Generate(-1, Guid.NewGuid(), complete: true);
        var profile = SeekerProfile.Start(person.Id, Now);
        profile.Update(person.Details, Now).IsSuccess.ShouldBeTrue();

        ProfileCompleteness.Of(profile).Percent.ShouldBe(100);
        person.CvText.ShouldNotBeNullOrWhiteSpace();
        profile.Preferences.Visibility.ShouldBe(ProfileVisibility.Discoverable);
    }
}

[Collection(ProfilesCollection.Name)]
public sealed class DemoProfilesSeedingTests(ProfilesFixture fixture)
{
    [Fact]
    public async Task Seeding_writes_profiles_and_their_events_in_bulk_once()
    {
        var app = fixture.App;
        var demoSeeker = await app.CreateAccountAsync($"demo.{Guid.NewGuid():N}@example.com", Roles.JobSeeker);

        var written = await ProfilesDemoData.SeedAsync(app.Services, [demoSeeker], population: 300, CancellationToken.None);
        var again = await ProfilesDemoData.SeedAsync(app.Services, [demoSeeker], population: 300, CancellationToken.None);

        written.ShouldBe(301);
        again.ShouldBe(0);
        var ids = Enumerable.Range(0, 300).Select(DemoProfileGenerator.DemoId).Append(demoSeeker).ToList();
        (await app.WithProfilesDbAsync(db => db.Profiles.CountAsync(p => ids.Contains(p.Id)))).ShouldBe(301);
        var events = (await app.ProfilesOutboxAsync<ProfileChanged>()).Where(e => ids.Contains(e.ProfileId)).ToList();
        events.Count.ShouldBe(301);
        events.ShouldAllBe(e => e.Revision == 1 && e.Skills.Count >= 5);

        var demo = await app.WithProfilesDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == demoSeeker));
        ProfileCompleteness.Of(demo).Percent.ShouldBe(100);
        (await app.WithProfilesDbAsync(db => db.CvDocuments.AnyAsync(c => c.Id == demoSeeker))).ShouldBeTrue();
        var sample = await app.WithProfilesDbAsync(db => db.Profiles.AsNoTracking().SingleAsync(p => p.Id == ids[7]));
        sample.Skills.ShouldNotBeEmpty();
        sample.Preferences.Locations.ShouldNotBeEmpty();
    }
}
