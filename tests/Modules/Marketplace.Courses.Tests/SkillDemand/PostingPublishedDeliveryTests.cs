using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.Courses.Application.SkillDemand;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Courses.Tests.SkillDemand;

/// <summary>
/// PostingPublished travels from the Jobs outbox to the Courses handler, which counts demand per skill: a second
/// delivery would count twice, so the counts show whether the event arrived exactly once.
/// </summary>
/// <remarks>
/// The class's own host has no Hangfire server and does not relay after commit, so nothing moves unless a test moves it;
/// tests that need Hangfire start a host with a server on the same database and stop it when its work has settled.
/// </remarks>
public sealed class PostingPublishedDeliveryTests(ManualBackgroundWorkFixture fixture) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    private static readonly string Handler = HandlerName.Of(typeof(CountSkillDemand));

    private MarketplaceApp Quiet => fixture.App;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
        await fixture.StopAppAsync(app);
    }

    [Fact]
    public async Task Two_relays_running_at_the_same_time_relay_the_event_once_and_it_is_counted_once()
    {
        await Quiet.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["rust"], []));
        (await Quiet.WaitingOutboxCountAsync()).ShouldBe(1);

        var relayed = await Task.WhenAll(Quiet.RelayOutboxAsync("jobs"), Quiet.RelayOutboxAsync("jobs"));

        relayed.Sum().ShouldBe(1);
        relayed.ShouldContain(0);
        (await DemandAsync(Quiet)).ShouldNotContainKey("rust");

        // A server now runs the deliveries the relay enqueued.
        var worker = fixture.StartApp(new AppOptions());
        await worker.WaitForBackgroundWorkAsync();
        (await DemandAsync(worker))["rust"].ShouldBe((1, 0));
        (await InboxRowsAsync(worker)).ShouldBe(1);
        await fixture.StopAppAsync(worker);
    }

    [Fact]
    public async Task An_event_relayed_again_after_a_lost_commit_is_not_counted_twice()
    {
        var app = fixture.StartApp(new AppOptions());
        await app.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["elixir"], []));
        await app.WaitForBackgroundWorkAsync();
        (await DemandAsync(app))["elixir"].ShouldBe((1, 0));

        // As if the relay had enqueued the deliveries and died before its commit: the row is waiting again.
        await app.InScopeAsync(services =>
            services.GetRequiredService<JobsDbContext>().OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.RelayedAt, (DateTimeOffset?)null)));
        (await app.RelayOutboxAsync("jobs")).ShouldBe(1);
        await app.WaitForBackgroundWorkAsync();

        (await DemandAsync(app))["elixir"].ShouldBe((1, 0));
        (await InboxRowsAsync(app)).ShouldBe(1);
        await fixture.StopAppAsync(app);
    }

    [Fact]
    public async Task The_same_delivery_run_twice_at_the_same_time_has_one_effect()
    {
        await Quiet.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["scala"], []));
        var eventId = await Quiet.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().OutboxMessages.Select(m => m.Id).SingleAsync());

        var delivered = await Task.WhenAll(Quiet.DeliverAsync("jobs", eventId, Handler), Quiet.DeliverAsync("jobs", eventId, Handler));

        delivered.Count(d => d).ShouldBe(1);
        (await DemandAsync(Quiet))["scala"].ShouldBe((1, 0));
        (await Quiet.DeliverAsync("jobs", eventId, Handler)).ShouldBeFalse();
        (await DemandAsync(Quiet))["scala"].ShouldBe((1, 0));

        // Leave nothing for the next test's server: mark the row relayed, as the relay would have.
        await Quiet.InScopeAsync(services =>
            services.GetRequiredService<JobsDbContext>().OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.RelayedAt, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A_handler_that_fails_once_is_retried_by_hangfire_and_counts_once()
    {
        var failOnce = new FailOnceAfterCounting();
        var flaky = fixture.StartApp(new AppOptions { Services = failOnce.Install });

        await flaky.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["haskell"], []));
        await flaky.WaitForBackgroundWorkAsync();

        failOnce.Failures.ShouldBe(1);
        (await DemandAsync(flaky))["haskell"].ShouldBe((1, 0));
        (await InboxRowsAsync(flaky)).ShouldBe(1);
        flaky.BackgroundWork().Failed.ShouldBe(0);
        await fixture.StopAppAsync(flaky);
    }

    [Fact]
    public async Task Many_postings_delivered_by_concurrent_workers_are_all_counted()
    {
        var app = fixture.StartApp(new AppOptions());
        var client = app.CreateEmployerClient();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.PublishAsync(PostingRequests.Valid(["csharp", $"skill-{i % 3}"], ["git"]))));
        await app.WaitForBackgroundWorkAsync();

        var demand = await DemandAsync(app);
        demand["csharp"].ShouldBe((12, 0));
        demand["git"].ShouldBe((0, 12));
        demand["skill-0"].ShouldBe((4, 0));
        (await InboxRowsAsync(app)).ShouldBe(12);
        app.BackgroundWork().Failed.ShouldBe(0);
        await fixture.StopAppAsync(app);
    }

    [Fact]
    public async Task An_event_committed_before_the_process_stopped_is_relayed_after_the_restart()
    {
        var stopping = fixture.StartApp(new AppOptions { BackgroundServer = false, RelayAfterCommit = false });
        await stopping.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["ocaml"], []));
        (await stopping.WaitingOutboxCountAsync()).ShouldBe(1);
        await fixture.StopAppAsync(stopping);

        var restarted = fixture.StartApp(new AppOptions());
        await restarted.WaitForBackgroundWorkAsync();

        (await DemandAsync(restarted))["ocaml"].ShouldBe((1, 0));
        (await InboxRowsAsync(restarted)).ShouldBe(1);
        await fixture.StopAppAsync(restarted);
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

    /// <summary>Fails the first count after its SQL ran inside the delivery's transaction, so the transaction must roll it back.</summary>
    private sealed class FailOnceAfterCounting
    {
        private int _failures;

        public int Failures => _failures;

        public void Install(IServiceCollection services)
        {
            var original = services.Single(d => d.ServiceType == typeof(ISkillDemandStore));
            services.Remove(original);
            services.AddScoped<ISkillDemandStore>(provider =>
                new Store((ISkillDemandStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), this));
        }

        private sealed class Store(ISkillDemandStore inner, FailOnceAfterCounting fault) : ISkillDemandStore
        {
            public async Task CountAsync(IReadOnlyCollection<string> requiredSkillIds, IReadOnlyCollection<string> niceToHaveSkillIds, DateTimeOffset at, CancellationToken cancellationToken)
            {
                await inner.CountAsync(requiredSkillIds, niceToHaveSkillIds, at, cancellationToken);
                if (Interlocked.CompareExchange(ref fault._failures, 1, 0) == 0)
                {
                    throw new InvalidOperationException("Simulated failure after the demand was written, before the commit.");
                }
            }

            public Task<IReadOnlyList<Marketplace.Courses.Domain.SkillDemand.SkillDemand>> ListAsync(CancellationToken cancellationToken) =>
                inner.ListAsync(cancellationToken);
        }
    }
}
