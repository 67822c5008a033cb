using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Jobs.Contracts;
using Marketplace.Matching.Application.Projections;
using Marketplace.Matching.Application.Rematching;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Profiles.Contracts;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Matching.Tests.MatchingHost;

namespace Marketplace.Matching.Tests.Pipeline;

/// <summary>
/// Events go into the Profiles and Jobs outboxes as those modules write them, travel through the relay and Hangfire deliveries to
/// matching's projections, and come out as stored lists read through the facade; these must equal the engine's own answer over
/// the same inputs. Each test starts a host with a Hangfire server on a fresh schema (so its engine starts empty).
/// </summary>
public sealed class MatchingPipelineTests(ManualBackgroundWorkFixture fixture) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    private static readonly SkillTaxonomy Taxonomy = SkillTaxonomy.Embedded;

    public async Task InitializeAsync()
    {
        await fixture.StopOtherAppsAsync();
        await fixture.ResetAsync();
    }

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    private MarketplaceApp Start(int postingsPerBatch = 50) => fixture.StartApp(new AppOptions
    {
        Settings = new Dictionary<string, string?> { ["Matching:PostingsPerBatch"] = postingsPerBatch.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    });

    [Fact]
    public async Task Events_in_come_out_as_stored_lists_equal_to_the_engines_answer_and_private_profiles_are_never_candidates()
    {
        var app = Start();
        var random = new Random(12);
        var profiles = Enumerable.Range(0, 40).Select(i => Events.Profile(Guid.NewGuid(), 1, RandomSkills(random, 4).Select(s => (s, random.Next(1, 6))),
            visibility: i % 5 == 0 ? "Private" : i % 7 == 0 ? "Applications" : "Discoverable")).ToList();
        var postings = Enumerable.Range(0, 8).Select(i => Events.Posting(Guid.NewGuid(), 1, RandomSkills(random, 3).Select((s, j) => (s, j < 2)), title: $"Posting {i}")).ToList();

        await PublishAsync(app, "profiles", [.. profiles]);
        await PublishAsync(app, "jobs", [.. postings.Select(Events.Published)]);
        await app.WaitForBackgroundWorkAsync();

        await ShouldEqualTheEngineAsync(app, profiles, postings);
        app.BackgroundWork().Failed.ShouldBe(0);
    }

    [Fact]
    public async Task A_late_event_of_an_older_revision_changes_nothing()
    {
        var app = Start();
        var seeker = Guid.NewGuid();
        var posting = Events.Posting(Guid.NewGuid(), 1, [("kafka", true)]);
        var newer = Events.Profile(seeker, 2, [("kafka", 5)]);
        await PublishAsync(app, "jobs", Events.Published(posting));
        await PublishAsync(app, "profiles", newer);
        await app.WaitForBackgroundWorkAsync();
        var before = await MatchesAsync(app, seeker);
        before.Items.ShouldHaveSingleItem().PostingId.ShouldBe(posting.PostingId);

        // Revision 1 arrives last: kafka gone, cobol instead. It must be ignored.
        await PublishAsync(app, "profiles", Events.Profile(seeker, 1, [("scala", 1)]));
        await app.WaitForBackgroundWorkAsync();

        var projection = await app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().Profiles.AsNoTracking().SingleAsync(p => p.Id == seeker));
        projection.Revision.ShouldBe(2);
        (await MatchesAsync(app, seeker)).Items.Select(m => m.Score).ShouldBe(before.Items.Select(m => m.Score));
        await ShouldEqualTheEngineAsync(app, [newer], [posting]);
    }

    [Fact]
    public async Task A_closed_posting_leaves_every_list_and_a_removed_profile_leaves_the_candidates()
    {
        var app = Start();
        var kept = Events.Posting(Guid.NewGuid(), 1, [("csharp", true)], title: "Kept");
        var closing = Events.Posting(Guid.NewGuid(), 1, [("csharp", true), ("postgresql", true)], title: "Closing");
        var stays = Events.Profile(Guid.NewGuid(), 1, [("csharp", 4), ("postgresql", 4)]);
        var leaves = Events.Profile(Guid.NewGuid(), 1, [("csharp", 3)]);
        await PublishAsync(app, "jobs", Events.Published(kept), Events.Published(closing));
        await PublishAsync(app, "profiles", stays, leaves);
        await app.WaitForBackgroundWorkAsync();
        (await MatchesAsync(app, stays.ProfileId)).Items.Select(m => m.PostingId).ShouldBe([closing.PostingId, kept.PostingId], ignoreOrder: true);
        (await CandidatesAsync(app, kept.PostingId)).Items.Count.ShouldBe(2);

        await PublishAsync(app, "jobs", Events.Closed(closing with { Revision = 2 }));
        await PublishAsync(app, "profiles", new ProfileRemoved(Guid.NewGuid(), DateTimeOffset.UtcNow, leaves.ProfileId, 2));
        await app.WaitForBackgroundWorkAsync();

        (await MatchesAsync(app, stays.ProfileId)).Items.ShouldHaveSingleItem().PostingId.ShouldBe(kept.PostingId);
        (await CandidatesAsync(app, closing.PostingId)).Items.ShouldBeEmpty();
        (await CandidatesAsync(app, kept.PostingId)).Items.ShouldHaveSingleItem().ProfileId.ShouldBe(stays.ProfileId);
        await ShouldEqualTheEngineAsync(app, [stays], [kept]);
    }

    [Fact]
    public async Task A_full_rematch_runs_in_batches_to_the_end_and_restores_every_list()
    {
        var app = Start(postingsPerBatch: 2);
        var random = new Random(5);
        var profiles = Enumerable.Range(0, 25).Select(_ => Events.Profile(Guid.NewGuid(), 1, RandomSkills(random, 3).Select(s => (s, random.Next(2, 6))))).ToList();
        var postings = Enumerable.Range(0, 7).Select(i => Events.Posting(Guid.NewGuid(), 1, RandomSkills(random, 3).Select((s, j) => (s, j == 0)), title: $"Posting {i}")).ToList();
        await PublishAsync(app, "profiles", [.. profiles]);
        await PublishAsync(app, "jobs", [.. postings.Select(Events.Published)]);
        await app.WaitForBackgroundWorkAsync();

        // Lose every stored list, as a botched restore would: the full rematch must write them all again.
        await app.InScopeAsync(async s =>
        {
            var context = s.GetRequiredService<MatchingDbContext>();
            return await context.PostingCandidates.ExecuteDeleteAsync() + await context.ProfileMatches.ExecuteDeleteAsync();
        });
        var runId = Guid.NewGuid();
        await app.InScopeAsync(s =>
        {
            s.GetRequiredService<IRematchRuns>().Schedule(runId, "test");
            return Task.FromResult(0);
        });
        await app.WaitForBackgroundWorkAsync();

        var run = await app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        run.Batches.ShouldBe(4 + 1); // 7 postings by 2, and one part of profiles
        run.BatchesDone.ShouldBe(run.Batches);
        run.IsFinished.ShouldBeTrue();
        var batches = await app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchBatches.AsNoTracking().Where(b => b.RunId == runId).ToListAsync());
        batches.ShouldAllBe(b => b.DoneAt != null && b.DoneBy != null);
        await ShouldEqualTheEngineAsync(app, profiles, postings);
    }

    [Fact]
    public async Task Two_servers_converge_on_the_same_engine_share_a_full_rematch_and_store_what_one_would()
    {
        var first = Start(postingsPerBatch: 1);
        var second = Start(postingsPerBatch: 1);
        var random = new Random(8);
        var profiles = Enumerable.Range(0, 30).Select(_ => Events.Profile(Guid.NewGuid(), 1, RandomSkills(random, 3).Select(s => (s, random.Next(2, 6))))).ToList();
        var postings = Enumerable.Range(0, 12).Select(i => Events.Posting(Guid.NewGuid(), 1, RandomSkills(random, 3).Select((s, j) => (s, j == 0)), title: $"Posting {i}")).ToList();
        await PublishAsync(first, "profiles", [.. profiles]);
        await PublishAsync(second, "jobs", [.. postings.Select(Events.Published)]);
        await first.WaitForBackgroundWorkAsync();

        // Whichever handled the events, both engines reach the head of the change feed.
        var head = await first.InScopeAsync(async s =>
        {
            var context = s.GetRequiredService<MatchingDbContext>();
            return Math.Max(await context.Profiles.MaxAsync(p => p.Sequence), await context.Postings.MaxAsync(p => p.Sequence));
        });
        foreach (var app in new[] { first, second })
        {
            var engine = app.Services.GetRequiredService<Infrastructure.Engine.MatchingEngine>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (engine.Applied < head && DateTime.UtcNow < deadline) await Task.Delay(50);
            engine.Applied.ShouldBe(head);
        }

        await first.InScopeAsync(async s =>
        {
            var context = s.GetRequiredService<MatchingDbContext>();
            return await context.PostingCandidates.ExecuteDeleteAsync() + await context.ProfileMatches.ExecuteDeleteAsync();
        });
        var runId = Guid.NewGuid();
        await second.InScopeAsync(s =>
        {
            s.GetRequiredService<IRematchRuns>().Schedule(runId, "test");
            return Task.FromResult(0);
        });
        await first.WaitForBackgroundWorkAsync();

        var batches = await first.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchBatches.AsNoTracking().Where(b => b.RunId == runId).ToListAsync());
        batches.Count.ShouldBe(12 + 1);
        batches.ShouldAllBe(b => b.DoneAt != null);
        batches.Select(b => b.DoneBy).Distinct().Count().ShouldBe(2, "both servers took batches");
        (await first.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchRuns.AsNoTracking().SingleAsync(r => r.Id == runId))).IsFinished.ShouldBeTrue();
        await ShouldEqualTheEngineAsync(second, profiles, postings);
    }

    [Fact]
    public async Task A_posting_published_through_the_jobs_api_reaches_a_seeker_who_reads_it_on_the_page_and_through_the_api()
    {
        var app = Start();
        var seeker = await app.CreateAccountAsync("api.jobseeker@example.com", Roles.JobSeeker);
        await PublishAsync(app, "profiles", Events.Profile(seeker, 1, [("csharp", 4), ("postgresql", 3)]));
        var published = await app.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["csharp", "postgresql"], ["docker"]));
        var postingId = published.GetProperty("id").GetGuid();
        await app.WaitForBackgroundWorkAsync();

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.JobSeekerTokenAsync());
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/matches");
        var item = page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("postingId").GetGuid().ShouldBe(postingId);
        item.GetProperty("summary").GetProperty("matched").EnumerateArray().Select(s => s.GetString()).ShouldContain("C#");
        item.GetProperty("summary").GetProperty("missing").EnumerateArray().Select(s => s.GetString()).ShouldContain("Docker");

        var explained = await api.GetFromJsonAsync<JsonElement>($"/api/v1/me/matches/{postingId}");
        explained.GetProperty("match").GetProperty("skills").GetArrayLength().ShouldBe(3);
        explained.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("skillId").GetString()).ShouldContain("docker");
        (await api.GetAsync($"/api/v1/me/matches/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/me/matches?pageSize=1000")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, "api.jobseeker@example.com");
        var html = await browser.GetStringAsync($"/Matches?explain={postingId}");
        html.ShouldContain("Backend developer (C#)");
        html.ShouldContain("data-testid=\"explanation\"");
    }

    [Fact]
    public async Task An_admin_starts_a_full_rematch_from_the_page_and_sees_it_finished_and_drawn()
    {
        var app = Start();
        await PublishAsync(app, "profiles", Events.Profile(Guid.NewGuid(), 1, [("csharp", 4)]));
        await PublishAsync(app, "jobs", Events.Published(Events.Posting(Guid.NewGuid(), 1, [("csharp", true)])));
        await app.WaitForBackgroundWorkAsync();
        await app.CreateAccountAsync("matching.admin@example.com", Roles.Admin);
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, "matching.admin@example.com");

        using var started = await ApiAccess.SubmitFormAsync(browser, "/Admin/Matching", "Start", new Dictionary<string, string>());
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.WaitForBackgroundWorkAsync();

        var html = await browser.GetStringAsync("/Admin/Matching");
        html.ShouldContain("data-testid=\"progress-percent\">100 %");
        html.ShouldContain("data-testid=\"runs-chart\"");
    }

    internal static IEnumerable<string> RandomSkills(Random random, int count) => Events.Skills.OrderBy(_ => random.Next()).Take(random.Next(1, count + 1));

    private static async Task<RankedPage<CandidateView>> CandidatesAsync(MarketplaceApp app, Guid posting) =>
        (await app.InScopeAsync(s => s.GetRequiredService<IMatchingFacade>().CandidatesOfPostingAsync(posting, null, 1, 100, CancellationToken.None))).Page!;

    // The engine's answer over the same events, computed here from scratch, against what the facade reads from the stored lists.
    internal static async Task ShouldEqualTheEngineAsync(MarketplaceApp app, IReadOnlyList<ProfileChanged> profiles, IReadOnlyList<PostingSnapshot> postings)
    {
        var all = profiles.Select(p => (Event: p, Projection: ProjectProfile.ToProjection(p))).ToList();
        var candidates = all.Where(p => p.Projection.IsCandidate).Select(p => p.Projection.ToEngine(Taxonomy)).ToList();
        var open = postings.Select(ProjectPosting.ToProjection).Where(p => p.IsOpen).Select(p => p.ToEngine(Taxonomy)).ToList();
        var postingIndex = PostingIndex.Build(Taxonomy, open);
        var expected = Rematch.All(ProfileIndex.Build(Taxonomy, candidates), postingIndex, 50, 20);
        candidates.Count.ShouldBeGreaterThan(0);

        foreach (var posting in open)
        {
            var stored = await CandidatesAsync(app, Guid.Parse(posting.Id));
            var want = expected.CandidatesByPosting[posting.Id];
            stored.Items.Select(c => c.ProfileId.ToString()).ShouldBe(want.Select(m => m.Id), $"candidates of {posting.Id}");
            stored.Items.Select(c => c.Score).ShouldBe(want.Select(m => Math.Round(m.Score, 1)));
            stored.Items.Select(c => c.Rank).ShouldBe(Enumerable.Range(1, want.Count));
        }

        foreach (var (e, projection) in all)
        {
            var stored = await MatchesAsync(app, e.ProfileId);
            // A profile that is not a candidate is matched live: the same engine query, not stored.
            var want = projection.IsCandidate ? expected.PostingsByProfile[e.ProfileId.ToString()] : postingIndex.TopK(projection.ToEngine(Taxonomy), 20);
            stored.Items.Select(m => m.PostingId.ToString()).ShouldBe(want.Select(m => m.Id), $"postings of {e.ProfileId} ({e.Visibility})");
            stored.Items.Select(m => m.Score).ShouldBe(want.Select(m => Math.Round(m.Score, 1)));
            if (!projection.IsCandidate)
            {
                foreach (var posting in open) (await CandidatesAsync(app, Guid.Parse(posting.Id))).Items.ShouldNotContain(c => c.ProfileId == e.ProfileId);
            }
        }
    }
}
