using System.Net.Http.Json;
using Hangfire;
using Hangfire.States;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.BuildingBlocks.Tests.Toys.Tallies;
using Marketplace.BuildingBlocks.Tests.Toys.TalliesRenamed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.BuildingBlocks.Tests.Messaging;

/// <summary>
/// NoteWritten travels from the Notes outbox to the Tallies handler, which adds one to the note's count: a count of 2 is
/// an event that took effect twice. Each test stages one way Hangfire's at-least-once delivery could do that.
/// </summary>
public sealed class ExactlyOnceTests(ToyFixture fixture) : IClassFixture<ToyFixture>, IAsyncLifetime
{
    private const string Handler = "tallies.count-note";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ResetAsync();

    private static WriteNote Note(string text) => new(Guid.CreateVersion7(), text);

    [Fact]
    public async Task A_note_written_over_http_is_counted_once_under_the_names_its_attributes_give()
    {
        var host = await fixture.StartAsync();
        var note = Note("hello");

        using var response = await host.CreateClient().PostAsJsonAsync("/notes", note);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        await host.WaitForBackgroundWorkAsync();

        (await host.TalliesAsync()).ShouldBe(new Dictionary<Guid, int> { [note.Id] = 1 });
        (await host.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync())).ShouldBe(["notes.note-written"]);
        (await host.InScopeAsync(s => s.GetRequiredService<TalliesDbContext>().InboxMessages.Select(m => m.Handler).ToListAsync())).ShouldBe([Handler]);
    }

    [Fact]
    public async Task Two_relays_at_the_same_time_relay_the_event_once_and_it_is_counted_once()
    {
        var quiet = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        var note = Note("raced");
        (await quiet.SendAsync(note)).IsSuccess.ShouldBeTrue();
        (await quiet.WaitingOutboxCountAsync()).ShouldBe(1);

        var relayed = await Task.WhenAll(quiet.RelayOutboxAsync("notes"), quiet.RelayOutboxAsync("notes"));

        relayed.Sum().ShouldBe(1);
        relayed.ShouldContain(0);
        (await quiet.TalliesAsync()).ShouldBeEmpty();

        // A server now runs the delivery the relay enqueued.
        var worker = await fixture.StartAsync();
        await worker.WaitForBackgroundWorkAsync();
        (await worker.TalliesAsync()).ShouldBe(new Dictionary<Guid, int> { [note.Id] = 1 });
    }

    [Fact]
    public async Task The_same_delivery_run_twice_at_the_same_time_has_one_effect()
    {
        var quiet = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        var note = Note("twice");
        await quiet.SendAsync(note);
        var delivery = (await quiet.NoteDeliveriesAsync()).ShouldHaveSingleItem();

        var ran = await Task.WhenAll(quiet.DeliverAsync("tallies", delivery), quiet.DeliverAsync("tallies", delivery));

        ran.Order().ShouldBe([0, 1]);
        (await quiet.DeliverAsync("tallies", delivery)).ShouldBe(0);
        (await quiet.TalliesAsync())[note.Id].ShouldBe(1);
    }

    [Fact]
    public async Task A_handler_that_fails_once_after_counting_is_rolled_back_retried_by_hangfire_and_counts_once()
    {
        var host = await fixture.StartAsync();
        host.Faults.FailNext(1);
        var note = Note("flaky");

        await host.SendAsync(note);
        await host.WaitForBackgroundWorkAsync();

        host.Faults.Failures.ShouldBe(1);
        (await host.TalliesAsync())[note.Id].ShouldBe(1);
        host.Monitoring.FailedCount().ShouldBe(0);
    }

    [Fact]
    public async Task An_event_committed_before_the_process_stopped_is_relayed_after_the_restart()
    {
        var stopping = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        var note = Note("left behind");
        await stopping.SendAsync(note);
        (await stopping.WaitingOutboxCountAsync()).ShouldBe(1);
        await fixture.StopAsync(stopping);

        var restarted = await fixture.StartAsync();
        await restarted.WaitForBackgroundWorkAsync();

        (await restarted.TalliesAsync()).ShouldBe(new Dictionary<Guid, int> { [note.Id] = 1 });
    }

    [Fact]
    public async Task An_event_relayed_again_after_a_lost_commit_is_not_counted_twice()
    {
        var host = await fixture.StartAsync();
        var note = Note("relayed again");
        await host.SendAsync(note);
        await host.WaitForBackgroundWorkAsync();

        // As if the relay had enqueued the delivery and died before its commit: the row is waiting again.
        await host.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.RelayedAt, (DateTimeOffset?)null)));
        (await host.RelayOutboxAsync("notes")).ShouldBe(1);
        await host.WaitForBackgroundWorkAsync();

        (await host.TalliesAsync())[note.Id].ShouldBe(1);
    }

    [Fact]
    public async Task Events_committed_together_travel_in_one_delivery_job_and_each_counts_once()
    {
        var host = await fixture.StartAsync();

        var ids = (await host.SendAsync(new WriteNotes(300, "batched"))).Value;
        await host.WaitForBackgroundWorkAsync();

        var tallies = await host.TalliesAsync();
        tallies.Keys.ShouldBe(ids, ignoreOrder: true);
        tallies.Values.ShouldAllBe(count => count == 1);
        (await DeliveryJobsAsync()).ShouldBe(1, "one relay batch, one receiving module: one delivery job");

        // Delivered again as a whole (a retried job): nothing runs twice.
        var deliveries = await host.NoteDeliveriesAsync();
        (await host.DeliverAsync("tallies", [.. deliveries])).ShouldBe(0);
        (await host.TalliesAsync()).Values.ShouldAllBe(count => count == 1);
    }

    [Fact]
    public async Task One_bad_event_in_a_batch_holds_back_no_other_and_is_counted_once_when_requeued()
    {
        var host = await fixture.StartAsync();
        host.Faults.AlwaysFailing = e => e.Text == "batched 17";

        var ids = (await host.SendAsync(new WriteNotes(40, "batched"))).Value;

        // The batch fails, splits, and everything but the bad event is counted; the bad one waits alone for a retry.
        var retry = await WaitForScheduledDeliveryAsync(host);
        await WaitUntilAsync(async () => (await host.TalliesAsync()).Count == 39);
        var tallies = await host.TalliesAsync();
        tallies.Values.ShouldAllBe(count => count == 1);
        var bad = ids.Single(id => !tallies.ContainsKey(id));

        host.Faults.Heal();
        host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(retry).ShouldBeTrue();
        await host.WaitForBackgroundWorkAsync();

        (await host.TalliesAsync())[bad].ShouldBe(1);
        (await host.TalliesAsync()).Count.ShouldBe(40);
        host.Monitoring.FailedCount().ShouldBe(0);
    }

    [Fact]
    public async Task A_renamed_handler_keeps_its_inbox_name_and_a_redelivery_has_no_second_effect()
    {
        var before = await fixture.StartAsync();
        var note = Note("before the rename");
        await before.SendAsync(note);
        await before.WaitForBackgroundWorkAsync();
        (await before.TalliesAsync())[note.Id].ShouldBe(1);
        await fixture.StopAsync(before);

        // The next version: the handler class is renamed and moved; its stored name is not.
        var after = await fixture.StartAsync(new ToyHostOptions { Modules = [NotesModule.Descriptor, TalliesRenamedModule.Descriptor] });
        after.Services.GetRequiredService<MessagingNames>().FindHandler(Handler)!.HandlerType.ShouldBe(typeof(TallyEachWrittenNote));
        var deliveries = await DeliveryJobsAsync();
        await after.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.ExecuteUpdateAsync(u => u.SetProperty(m => m.RelayedAt, (DateTimeOffset?)null)));
        // This relay or the host's own background one (its start-up sweep) takes the row again: either way it is delivered again.
        await after.RelayOutboxAsync("notes");
        await WaitUntilAsync(() => after.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.AllAsync(m => m.RelayedAt != null)));
        await after.WaitForBackgroundWorkAsync();

        (await DeliveryJobsAsync()).ShouldBeGreaterThan(deliveries);
        (await after.TalliesAsync())[note.Id].ShouldBe(1);

        // And it handles what comes next.
        var next = Note("after the rename");
        await after.SendAsync(next);
        await after.WaitForBackgroundWorkAsync();
        (await after.TalliesAsync())[next.Id].ShouldBe(1);
    }

    [Fact]
    public async Task A_delivery_that_gave_up_and_is_requeued_after_its_outbox_row_is_gone_is_counted_once()
    {
        var host = await fixture.StartAsync();
        host.Faults.AlwaysFailing = _ => true;
        var note = Note("outlives its outbox row");
        await host.SendAsync(note);

        // The delivery fails and Hangfire schedules a retry; move it to Failed, as AutomaticRetry does once attempts run out.
        var jobId = await WaitForScheduledDeliveryAsync(host);
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        GiveUp(host, jobId, retriesSpent: 6);
        host.Monitoring.FailedJobs(0, 10).ShouldContain(j => j.Key == jobId);
        (await host.TalliesAsync()).ShouldBeEmpty();

        // The outbox row is past its retention and deleted; the delivery job carries the event itself.
        await host.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.ExecuteDeleteAsync());
        host.Faults.Heal();
        jobs.Requeue(jobId).ShouldBeTrue();
        await host.WaitForBackgroundWorkAsync();

        (await host.TalliesAsync()).ShouldBe(new Dictionary<Guid, int> { [note.Id] = 1 });
        host.Monitoring.FailedCount().ShouldBe(0);
        jobs.Requeue(jobId).ShouldBeTrue();
        await host.WaitForBackgroundWorkAsync();
        (await host.TalliesAsync())[note.Id].ShouldBe(1);
    }

    [Fact]
    public async Task A_burst_of_commits_enqueues_a_few_relay_jobs_and_every_event_counts_once()
    {
        var host = await fixture.StartAsync();
        var started = DateTime.UtcNow;

        var notes = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 120), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, _) =>
        {
            var note = Note($"burst {i}");
            (await host.SendAsync(note)).IsSuccess.ShouldBeTrue();
            notes.Add(note.Id);
        });
        var burst = DateTime.UtcNow - started;
        await host.WaitForBackgroundWorkAsync();

        var tallies = await host.TalliesAsync();
        tallies.Keys.ShouldBe(notes, ignoreOrder: true);
        tallies.Values.ShouldAllBe(count => count == 1);
        // At most one relay at the start of each window and one at its end, however many commits fell into it.
        var windows = (int)Math.Ceiling(burst / OutboxRelaySignal.Window) + 1;
        (await RelayJobsAsync()).ShouldBeLessThanOrEqualTo(2 * windows);
    }

    [Fact]
    public async Task The_sweep_deletes_relayed_rows_past_their_retention_relays_what_waits_and_skips_unknown_names()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        var now = DateTimeOffset.UtcNow;
        Guid old = Guid.NewGuid(), recent = Guid.NewGuid(), unknown = Guid.NewGuid();
        await host.InScopeAsync(async s =>
        {
            var notes = s.GetRequiredService<NotesDbContext>();
            notes.OutboxMessages.AddRange(
                Row(old, now - OutboxRelay.RelayedRetention - TimeSpan.FromHours(1)),
                Row(recent, now - TimeSpan.FromDays(1)),
                Row(unknown, relayedAt: null, type: "notes.no-such-event"));
            return await notes.SaveChangesAsync();
        });
        await host.InScopeAsync(async s =>
        {
            var tallies = s.GetRequiredService<TalliesDbContext>();
            tallies.InboxMessages.AddRange(
                new InboxMessage { EventId = old, Handler = Handler, ProcessedAt = now - OutboxRelay.InboxRetention - TimeSpan.FromHours(1) },
                new InboxMessage { EventId = recent, Handler = Handler, ProcessedAt = now - TimeSpan.FromDays(1) });
            return await tallies.SaveChangesAsync();
        });
        var waiting = Note("waiting");
        await host.SendAsync(waiting);

        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<OutboxRelay>().SweepAsync(CancellationToken.None);
            return 0;
        });

        var outbox = await host.InScopeAsync(s => s.GetRequiredService<NotesDbContext>().OutboxMessages.AsNoTracking().ToListAsync());
        outbox.Select(m => m.Id).ShouldNotContain(old);
        outbox.Select(m => m.Id).ShouldContain(recent);
        outbox.ShouldAllBe(m => m.RelayedAt != null, "the unknown name must not block the outbox, and the waiting event is relayed");
        (await host.InScopeAsync(s => s.GetRequiredService<TalliesDbContext>().InboxMessages.Select(m => m.EventId).ToListAsync())).ShouldBe([recent]);
        (await DeliveryJobsAsync()).ShouldBe(1);
    }

    private static OutboxMessage Row(Guid id, DateTimeOffset? relayedAt, string type = "notes.note-written") =>
        new() { Id = id, Type = type, Payload = "{}", OccurredAt = DateTimeOffset.UtcNow.AddDays(-20), RelayedAt = relayedAt };

    /// <summary>Moves a job waiting for its retry to Failed, as AutomaticRetry does once its attempts are spent.</summary>
    private static void GiveUp(ToyHost host, string jobId, int retriesSpent)
    {
        using (var connection = host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            connection.SetJobParameter(jobId, "RetryCount", retriesSpent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        host.Services.GetRequiredService<IBackgroundJobClient>()
            .ChangeState(jobId, new FailedState(new InvalidOperationException("retries exhausted")), ScheduledState.StateName).ShouldBeTrue();
    }

    private static async Task<string> WaitForScheduledDeliveryAsync(ToyHost host)
    {
        string? jobId = null;
        await WaitUntilAsync(() =>
        {
            jobId = host.Monitoring.ScheduledJobs(0, 10).FirstOrDefault(j => j.Value.Job.Method.Name == nameof(IntegrationEventDelivery.DeliverAsync)).Key;
            return Task.FromResult(jobId is not null);
        });
        return jobId!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "waited 60 s for background work");
            await Task.Delay(100);
        }
    }

    private Task<long> DeliveryJobsAsync() => JobCountAsync(nameof(IntegrationEventDelivery));

    private Task<long> RelayJobsAsync() => JobCountAsync(nameof(OutboxRelay) + "%" + nameof(OutboxRelay.RelayAsync));

    private async Task<long> JobCountAsync(string pattern)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE @pattern", connection);
        count.Parameters.AddWithValue("pattern", "%" + pattern + "%");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
