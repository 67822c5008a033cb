using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Tests.Fixtures;
using Marketplace.Skills.Text;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Profiles.Tests.Api;

[Collection(ProfilesCollection.Name)]
public sealed class MyProfileApiTests(ProfilesFixture fixture)
{
    private MarketplaceApp App => fixture.App;

    private static object FullProfile(long version = 0) => new
    {
        version,
        displayName = "Ada Example",
        headline = "Backend engineer for **payments**",
        summary = "I build ledgers.",
        skills = new object[]
        {
            new { name = "postgres", level = 4, years = 6, lastUsed = 2026 },
            new { skillId = "csharp", level = 5, years = 9.5 },
            new { name = "Redis/RabbitMQ", level = 4 },
            new { name = "Acme Ledger Studio", level = 3 },
        },
        preferences = new
        {
            seniority = "Senior",
            workModes = new[] { "Remote", "Hybrid" },
            locations = new[] { new { country = "pt", city = "Lisbon" } },
            willingToRelocate = true,
            minimumSalary = new { amount = 5500, currency = "eur", period = "Month" },
            visibility = "Discoverable",
        },
    };

    [Fact]
    public async Task A_new_seeker_reads_an_empty_profile_at_version_0()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();

        var profile = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");

        profile.GetProperty("version").GetInt64().ShouldBe(0);
        profile.GetProperty("exists").GetBoolean().ShouldBeFalse();
        profile.GetProperty("skills").GetArrayLength().ShouldBe(0);
        profile.GetProperty("completeness").GetProperty("percent").GetInt32().ShouldBe(0);
        profile.GetProperty("preferences").GetProperty("visibility").GetString().ShouldBe("Applications");
    }

    [Fact]
    public async Task A_saved_profile_resolves_what_people_type_and_is_read_back()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();

        var response = await api.PutAsJsonAsync("/api/v1/me/profile", FullProfile());

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("version").GetInt64().ShouldBe(1);
        var skills = saved.GetProperty("skills").EnumerateArray().ToList();
        skills.Select(s => s.GetProperty("skillId").GetString()).ShouldBe(["postgresql", "csharp", "redis", "rabbitmq", null]);
        skills[0].GetProperty("name").GetString().ShouldBe("PostgreSQL");
        skills[0].GetProperty("mention").GetString().ShouldBe("postgres");
        skills[0].GetProperty("levelName").GetString().ShouldBe("Proficient");
        skills[1].GetProperty("years").GetDecimal().ShouldBe(9.5m);
        skills[4].GetProperty("recognised").GetBoolean().ShouldBeFalse();
        skills[4].GetProperty("name").GetString().ShouldBe("Acme Ledger Studio");
        var preferences = saved.GetProperty("preferences");
        preferences.GetProperty("locations")[0].GetProperty("country").GetString().ShouldBe("PT");
        preferences.GetProperty("minimumSalary").GetProperty("currency").GetString().ShouldBe("EUR");

        var read = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        read.GetProperty("headline").GetString().ShouldBe("Backend engineer for **payments**");
        read.GetProperty("skills").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Saving_publishes_what_matching_needs_through_the_outbox()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();

        (await api.PutAsJsonAsync("/api/v1/me/profile", FullProfile())).EnsureSuccessStatusCode();

        var changed = (await App.ProfilesOutboxAsync<ProfileChanged>()).Where(e => e.ProfileId == seeker.Id).ShouldHaveSingleItem();
        changed.Revision.ShouldBe(1);
        changed.Skills.ShouldBe(
        [
            new ProfileSkillData("postgresql", 4, 6, 2026),
            new ProfileSkillData("csharp", 5, 9.5m, null),
            new ProfileSkillData("redis", 4, null, null),
            new ProfileSkillData("rabbitmq", 4, null, null),
        ]);
        changed.UnrecognisedSkills.ShouldBe([new UnrecognisedSkillData("Acme Ledger Studio", 3)]);
        changed.Seniority.ShouldBe("Senior");
        changed.WorkModes.ShouldBe(["Remote", "Hybrid"]);
        changed.Locations.ShouldBe([new ProfileLocationData("PT", "Lisbon")]);
        changed.WillingToRelocate.ShouldBeTrue();
        changed.MinimumSalary.ShouldBe(new MinimumSalaryData(5500, "EUR", "Month", 66_000));
        changed.Visibility.ShouldBe("Discoverable");
    }

    [Fact]
    public async Task Unrecognised_mentions_reach_the_admins_queue_once_per_profile_that_adds_them()
    {
        using var first = await Person.SignInAsync(App);
        using var second = await Person.SignInAsync(App);
        using var firstApi = await first.ApiAsync();
        using var secondApi = await second.ApiAsync();
        var mention = $"Zorblax {Guid.NewGuid():N}"[..20];
        object Body(long version, string written) => new { version, skills = new[] { new { name = written, level = 3 } } };

        (await firstApi.PutAsJsonAsync("/api/v1/me/profile", Body(0, mention))).EnsureSuccessStatusCode();
        (await firstApi.PutAsJsonAsync("/api/v1/me/profile", Body(1, mention))).EnsureSuccessStatusCode();
        (await secondApi.PutAsJsonAsync("/api/v1/me/profile", Body(0, "  " + mention.ToUpperInvariant()))).EnsureSuccessStatusCode();

        // The queue is the matching module's alone, fed by ProfileChanged; Profiles keeps no count of its own.
        await App.WaitForBackgroundWorkAsync();
        var key = Tokenizer.Key(mention);
        var queued = await App.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().UnknownMentions.AsNoTracking().SingleAsync(m => m.Key == key));
        queued.Sightings.ShouldBe(2);
        var places = await App.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().MentionSightings.AsNoTracking()
            .Where(m => m.Key == key).Select(m => m.SourceId).ToListAsync());
        places.Order(StringComparer.Ordinal).ShouldBe(new[] { first.Id.ToString(), second.Id.ToString() }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_input_gets_400_naming_each_field_and_nothing_is_stored()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();
        var body = new
        {
            version = 0,
            headline = new string('x', 201),
            skills = new object[]
            {
                new { skillId = "csharp", level = 6 },
                new { skillId = "no-such-skill", level = 3 },
                new { name = "", level = 3 },
                new { name = "Go", level = 3, years = 70, lastUsed = 2999 },
            },
            preferences = new
            {
                seniority = "Wizard",
                workModes = new[] { "Moon" },
                locations = new[] { new { country = "XX", city = "Atlantis" } },
                minimumSalary = new { amount = -5, currency = "EURO", period = "Fortnight" },
                visibility = "Everyone",
            },
        };

        var problem = await (await api.PutAsJsonAsync("/api/v1/me/profile", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe(
        [
            "headline", "skills[0].level", "skills[2].name", "skills[3].years", "skills[3].lastUsed",
            "preferences.seniority", "preferences.workModes[0]", "preferences.locations[0].country",
            "preferences.minimumSalary.amount", "preferences.minimumSalary.currency", "preferences.minimumSalary.period",
            "preferences.visibility",
        ], ignoreOrder: true);
        (await App.WithProfilesDbAsync(db => db.Profiles.AnyAsync(p => p.Id == seeker.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_skill_id_is_named_and_a_duplicate_is_named_where_it_repeats()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();

        var unknown = await (await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 0,
            skills = new object[] { new { skillId = "csharp", level = 3 }, new { skillId = "cobol-on-mars", level = 3 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknown.ErrorFields().ShouldBe(["skills[1].skillId"]);

        var duplicate = await (await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 0,
            skills = new object[] { new { skillId = "postgresql", level = 3 }, new { name = "Go", level = 2 }, new { name = "postgres", level = 4 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        duplicate.ErrorFields().ShouldBe(["skills[2].name"]);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_gets_400_naming_the_field()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();

        var response = await api.PutAsync("/api/v1/me/profile",
            new StringContent("""{"version":0,"skills":[{"skillId":"go","level":"expert"}]}""", Encoding.UTF8, "application/json"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["skills[0].level"]);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        using var seeker = await Person.SignInAsync(App);
        using var api = await seeker.ApiAsync();
        (await api.PutAsJsonAsync("/api/v1/me/profile", FullProfile())).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync("/api/v1/me/profile", new { version = 1, displayName = "Second write" })).EnsureSuccessStatusCode();

        var stale = await api.PutAsJsonAsync("/api/v1/me/profile", new { version = 1, displayName = "Lost update" });

        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("code").GetString().ShouldBe("profile.stale_version");
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/me/profile")).GetProperty("displayName").GetString().ShouldBe("Second write");
    }

    [Fact]
    public async Task Another_seekers_profile_is_never_read_or_written()
    {
        using var ada = await Person.SignInAsync(App);
        using var bob = await Person.SignInAsync(App);
        using var adaApi = await ada.ApiAsync();
        using var bobApi = await bob.ApiAsync();
        (await adaApi.PutAsJsonAsync("/api/v1/me/profile", FullProfile())).EnsureSuccessStatusCode();

        // Bob's token reads and writes Bob's profile, whatever he sends: there is no way to name Ada's.
        var bobsView = await bobApi.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        bobsView.GetProperty("exists").GetBoolean().ShouldBeFalse();
        (await bobApi.PutAsJsonAsync("/api/v1/me/profile", new { version = 1, id = ada.Id, profileId = ada.Id, displayName = "Not Ada" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await bobApi.PutAsJsonAsync($"/api/v1/me/profile?userId={ada.Id}", new { version = 0, displayName = "Bob" })).EnsureSuccessStatusCode();
        (await bobApi.GetAsync($"/api/v1/profiles/{ada.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var adasView = await adaApi.GetFromJsonAsync<JsonElement>("/api/v1/me/profile");
        adasView.GetProperty("displayName").GetString().ShouldBe("Ada Example");
        adasView.GetProperty("version").GetInt64().ShouldBe(1);
        (await bobApi.GetFromJsonAsync<JsonElement>("/api/v1/me/profile")).GetProperty("displayName").GetString().ShouldBe("Bob");
    }

    [Fact]
    public async Task Only_a_job_seekers_token_with_the_profile_scope_gets_in()
    {
        using var seeker = await Person.SignInAsync(App);
        using var employer = await Person.SignInAsync(App, Roles.Employer);
        using var anonymous = App.CreateClient();
        using var withoutScope = await seeker.ApiAsync("openid");
        using var employerApi = await employer.ApiAsync();

        (await anonymous.GetAsync("/api/v1/me/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await withoutScope.GetAsync("/api/v1/me/profile")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employerApi.GetAsync("/api/v1/me/profile")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employerApi.PutAsJsonAsync("/api/v1/me/profile", FullProfile())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A cookie is not a token: the page's session does not open the API.
        (await seeker.Browser.GetAsync("/api/v1/me/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Suggestions_answer_anyone_with_canonical_skills_best_first()
    {
        using var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/skills/suggestions?q=postg&limit=3");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.Public.ShouldBeTrue();
        var suggestions = await response.Content.ReadFromJsonAsync<JsonElement>();
        suggestions.GetArrayLength().ShouldBeInRange(1, 3);
        suggestions[0].GetProperty("skill").GetProperty("id").GetString().ShouldBe("postgresql");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/skills/suggestions?q=k8s"))[0].GetProperty("match").GetString().ShouldBe("Exact");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/skills/suggestions?q=")).GetArrayLength().ShouldBe(0);

        var tooLong = await anonymous.GetAsync("/api/v1/skills/suggestions?q=" + new string('a', 101));
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["q"]);
        var badLimit = await anonymous.GetAsync("/api/v1/skills/suggestions?q=go&limit=500");
        (await badLimit.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["limit"]);
    }

    [Fact]
    public async Task Two_first_saves_at_once_make_the_loser_a_conflict_not_a_failure()
    {
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        var lost = await App.WithProfilesDbAsync(async db =>
        {
            db.Profiles.Add(Marketplace.Profiles.Domain.Profiles.SeekerProfile.Start(userId, now));
            // The other request's insert, committed between this one's read and its save.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO profiles.profiles (id, skills, preferences, revision, created_at, updated_at) VALUES ({userId}, '[]', '{{}}', 1, {now}, {now})");
            return await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        });

        lost.InnerException.ShouldBeOfType<DbUpdateException>();
    }
}
