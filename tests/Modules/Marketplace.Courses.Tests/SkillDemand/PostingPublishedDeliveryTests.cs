using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
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
    public async Task A_delivery_that_gave_up_stays_in_the_failed_list_and_a_requeue_from_the_dashboard_delivers_it_once()
    {
        var outage = new Outage();
        var app = fixture.StartApp(new AppOptions { Services = outage.Install });
        await app.CreateEmployerClient().PublishAsync(PostingRequests.Valid(["cobol"], []));

        // The delivery fails and Hangfire schedules a retry; move it to Failed, as AutomaticRetry does once attempts run out.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? jobId = null;
        while (jobId is null && DateTime.UtcNow < deadline)
        {
            var retry = monitoring.ScheduledJobs(0, 10).FirstOrDefault(j => j.Value.Job.Method.Name == nameof(IntegrationEventDelivery.DeliverAsync));
            if (retry.Key is not null && jobs.ChangeState(retry.Key, new FailedState(new InvalidOperationException("retries exhausted")), ScheduledState.StateName))
            {
                jobId = retry.Key;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        jobId.ShouldNotBeNull("the failing delivery was never scheduled for a retry");
        outage.Failures.ShouldBeGreaterThan(0);
        monitoring.FailedJobs(0, 10).ShouldContain(j => j.Key == jobId);
        (await DemandAsync(app)).ShouldNotContainKey("cobol");

        outage.End();
        jobs.Requeue(jobId).ShouldBeTrue();
        await app.WaitForBackgroundWorkAsync();

        (await DemandAsync(app))["cobol"].ShouldBe((1, 0));
        monitoring.FailedCount().ShouldBe(0);
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

    [Fact]
    public async Task The_sweep_deletes_relayed_rows_past_their_retention_and_keeps_the_rest()
    {
        var now = DateTimeOffset.UtcNow;
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        await Quiet.InScopeAsync(async services =>
        {
            var jobs = services.GetRequiredService<JobsDbContext>();
            jobs.OutboxMessages.AddRange(
                Row(old, now - OutboxRelay.RelayedRetention - TimeSpan.FromHours(1)),
                Row(recent, now - TimeSpan.FromDays(1)),
                Row(waiting, relayedAt: null, type: "No.Such.Event, Nowhere"));
            return await jobs.SaveChangesAsync();
        });
        await Quiet.InScopeAsync(async services =>
        {
            var courses = services.GetRequiredService<CoursesDbContext>();
            courses.InboxMessages.AddRange(
                new InboxMessage { EventId = old, Handler = Handler, ProcessedAt = now - OutboxRelay.InboxRetention - TimeSpan.FromHours(1) },
                new InboxMessage { EventId = recent, Handler = Handler, ProcessedAt = now - TimeSpan.FromDays(1) });
            return await courses.SaveChangesAsync();
        });

        // The waiting row names an unknown event type: it must neither stop the sweep nor block the outbox.
        await Quiet.InScopeAsync(async services =>
        {
            await services.GetRequiredService<OutboxRelay>().SweepAsync(CancellationToken.None);
            return 0;
        });

        var outbox = await Quiet.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().OutboxMessages.Select(m => m.Id).ToListAsync());
        var inbox = await Quiet.InScopeAsync(services => services.GetRequiredService<CoursesDbContext>().InboxMessages.Select(m => m.EventId).ToListAsync());
        outbox.ShouldBe([recent, waiting], ignoreOrder: true);
        inbox.ShouldBe([recent]);
        (await Quiet.WaitingOutboxCountAsync()).ShouldBe(0);
        await Quiet.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().OutboxMessages.Where(m => m.Id == waiting).ExecuteDeleteAsync());
    }

    private static OutboxMessage Row(Guid id, DateTimeOffset? relayedAt, string type = "Some.Event, Somewhere") =>
        new() { Id = id, Type = type, Payload = "{}", OccurredAt = DateTimeOffset.UtcNow.AddDays(-20), RelayedAt = relayedAt };

    private static async Task<Dictionary<string, (int Required, int NiceToHave)>> DemandAsync(MarketplaceApp app)
    {
        var demand = await app.CreateAdminClient().GetFromJsonAsync<JsonElement>("/api/v1/skill-demand");
        return demand.EnumerateArray().ToDictionary(
            d => d.GetProperty("skillId").GetString()!,
            d => (d.GetProperty("requiredCount").GetInt32(), d.GetProperty("niceToHaveCount").GetInt32()));
    }

    private static Task<int> InboxRowsAsync(MarketplaceApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<CoursesDbContext>().InboxMessages.CountAsync());

    /// <summary>The skill demand store is down until <see cref="End"/>.</summary>
    private sealed class Outage
    {
        private int _failures;
        private volatile bool _over;

        public int Failures => _failures;

        public void End() => _over = true;

        public void Install(IServiceCollection services)
        {
            var original = services.Single(d => d.ServiceType == typeof(ISkillDemandStore));
            services.Remove(original);
            services.AddScoped<ISkillDemandStore>(provider =>
                new Store((ISkillDemandStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), this));
        }

        private sealed class Store(ISkillDemandStore inner, Outage outage) : ISkillDemandStore
        {
            public Task CountAsync(IReadOnlyCollection<string> requiredSkillIds, IReadOnlyCollection<string> niceToHaveSkillIds, DateTimeOffset at, CancellationToken cancellationToken)
            {
                if (!outage._over)
                {
                    Interlocked.Increment(ref outage._failures);
                    throw new InvalidOperationException("Simulated outage of the skill demand store.");
                }

                return inner.CountAsync(requiredSkillIds, niceToHaveSkillIds, at, cancellationToken);
            }

            public Task<IReadOnlyList<Marketplace.Courses.Domain.SkillDemand.SkillDemand>> ListAsync(CancellationToken cancellationToken) =>
                inner.ListAsync(cancellationToken);
        }
    }

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
