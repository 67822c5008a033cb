using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Courses.Tests.SkillDemand;

/// <summary>
/// PostingPublished travels from the Jobs outbox to the Courses handler, which counts demand per skill: a second
/// delivery would count twice, so the counts show whether the event arrived exactly once. The exactly-once machinery
/// itself (races, retries, crashes, batches, renames, requeues) is tested with a toy module in
/// tests/Marketplace.BuildingBlocks.Tests; these tests follow the real modules' event through the real host.
/// </summary>
public sealed class PostingPublishedDeliveryTests(ManualBackgroundWorkFixture fixture) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_published_posting_is_counted_once_by_the_courses_module()
    {
        var app = fixture.StartApp(new AppOptions());

        await app.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["csharp", "postgresql"], ["docker"]));
        await app.WaitForBackgroundWorkAsync();

        var demand = await DemandAsync(app);
        demand["csharp"].ShouldBe((1, 0));
        demand["postgresql"].ShouldBe((1, 0));
        demand["docker"].ShouldBe((0, 1));
        (await InboxRowsAsync(app)).ShouldBe(1);

        // Stored under the names their attributes give, never their CLR names.
        (await app.InScopeAsync(services => services.GetRequiredService<CoursesDbContext>().InboxMessages.Select(m => m.Handler).ToListAsync()))
            .ShouldBe(["courses.count-skill-demand"]);
        (await app.InScopeAsync(services => services.GetRequiredService<Marketplace.Jobs.Infrastructure.Persistence.JobsDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync()))
            .ShouldBe(["jobs.posting-published"]);
        await fixture.StopAppAsync(app);
    }

    private static readonly string[] OneOfThree = ["kafka", "redis", "terraform"];

    [Fact]
    public async Task Many_postings_delivered_by_concurrent_workers_are_all_counted()
    {
        var app = fixture.StartApp(new AppOptions());
        var client = app.CreateEmployerClient();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.PublishAsync(PostingRequests.Valid(["csharp", OneOfThree[i % 3]], ["git"]))));
        await app.WaitForBackgroundWorkAsync();

        var demand = await DemandAsync(app);
        demand["csharp"].ShouldBe((12, 0));
        demand["git"].ShouldBe((0, 12));
        demand["kafka"].ShouldBe((4, 0));
        // The day's counts are written by the same statement as the totals, and agree with them.
        var daily = await app.InScopeAsync(services => services.GetRequiredService<CoursesDbContext>().DailySkillDemand.AsNoTracking().ToListAsync());
        daily.ToDictionary(d => d.SkillId, d => (d.RequiredCount, d.NiceToHaveCount)).ShouldBe(demand, ignoreOrder: true);
        daily.Select(d => d.Day).Distinct().ShouldHaveSingleItem().ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow));
        (await InboxRowsAsync(app)).ShouldBe(12);
        app.BackgroundWork().Failed.ShouldBe(0);
        await fixture.StopAppAsync(app);
    }

    private static async Task<Dictionary<string, (int Required, int NiceToHave)>> DemandAsync(MarketplaceApp app)
    {
        var demand = await app.CreateAdminClient().GetFromJsonAsync<JsonElement>("/api/v1/skill-demand");
        return demand.EnumerateArray().ToDictionary(
            d => d.GetProperty("skillId").GetString()!,
            d => (d.GetProperty("requiredCount").GetInt32(), d.GetProperty("niceToHaveCount").GetInt32()));
    }

    private static Task<int> InboxRowsAsync(MarketplaceApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<CoursesDbContext>().InboxMessages.CountAsync());
}
