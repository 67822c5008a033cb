using System.Globalization;
using Marketplace.Matching.Application.Rematching;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;
using static Marketplace.Matching.Tests.MatchingHost;

namespace Marketplace.Matching.Tests.Pipeline;

/// <summary>
/// The host and a real `Marketplace.Web.dll worker` process on one database: the worker alone delivers the events, both share a
/// full rematch, and the worker is killed (SIGKILL) in the middle of it. The host must finish the run with every batch done
/// exactly once and lists equal to the engine's answer and to a later run by the host alone.
/// </summary>
public sealed class ScaleOutTests(ManualBackgroundWorkFixture fixture, ITestOutputHelper output) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    private const int Postings = 120;

    // One posting a batch, so the run has enough batches for the kill to land inside it; a dead worker's job is given to
    // another server after 5 s without its heartbeat (the smallest invisibility timeout the options allow).
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Matching:PostingsPerBatch"] = "1",
        ["BackgroundJobs:InvisibilityTimeoutSeconds"] = "5",
    };

    public async Task InitializeAsync()
    {
        await fixture.StopOtherAppsAsync();
        await fixture.ResetAsync();
    }

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_worker_process_delivers_events_shares_a_full_rematch_and_when_killed_midway_the_host_finishes_it_with_nothing_lost_or_doubled()
    {
        var connection = fixture.Database.ConnectionString;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var worker = await WorkerProcess.StartAsync(connection, Settings);
        output.WriteLine($"worker serving after {clock.Elapsed.TotalSeconds:0.0} s");

        // The fixture's host runs no Hangfire server: the worker process alone delivers these events and stores the lists.
        var random = new Random(21);
        var profiles = Enumerable.Range(0, 60).Select(_ => Events.Profile(Guid.NewGuid(), 1,
            MatchingPipelineTests.RandomSkills(random, 4).Select(s => (s, random.Next(2, 6))))).ToList();
        var postings = Enumerable.Range(0, Postings).Select(i => Events.Posting(Guid.NewGuid(), 1,
            MatchingPipelineTests.RandomSkills(random, 3).Select((s, j) => (s, j == 0)), title: $"Posting {i}")).ToList();
        await PublishAsync(fixture.App, "profiles", [.. profiles]);
        await PublishAsync(fixture.App, "jobs", [.. postings.Select(Events.Published)]);
        await fixture.App.WaitForBackgroundWorkAsync();
        (await JobsRunByServerAsync(connection, worker.ServerNamePrefix)).ShouldBeGreaterThan(0, "the worker ran the deliveries");
        await MatchingPipelineTests.ShouldEqualTheEngineAsync(fixture.App, profiles, postings);

        output.WriteLine($"events delivered by the worker after {clock.Elapsed.TotalSeconds:0.0} s");
        var host = fixture.StartApp(new AppOptions { Settings = Settings });
        await DeleteListsAsync(host);
        var runId = Guid.NewGuid();
        await host.InScopeAsync(s =>
        {
            s.GetRequiredService<IRematchRuns>().Schedule(runId, "test");
            return Task.FromResult(0);
        });

        // Kill the worker once it has done a few batches, while most of the run is still ahead (bounded polling).
        var workerName = $"{Environment.MachineName}:{worker.Id}:";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        (int ByWorker, int Done, int All) progress;
        while (true)
        {
            progress = await ProgressAsync(connection, runId, workerName);
            if (progress.ByWorker >= 3 || DateTime.UtcNow > deadline) break;
            await Task.Delay(10);
        }

        worker.Kill();
        output.WriteLine($"worker killed after {clock.Elapsed.TotalSeconds:0.0} s, {progress.ByWorker} batches by it, {progress.Done} of {progress.All} done");
        progress.ByWorker.ShouldBeGreaterThanOrEqualTo(3, $"the worker took batches before the kill\n{worker.Output}");
        var atKill = await ProgressAsync(connection, runId, workerName);
        atKill.Done.ShouldBeLessThan(atKill.All, "the kill landed in the middle of the run (make the run longer if it did not)");

        await WaitUntilRunFinishedAsync(host, connection, runId);

        output.WriteLine($"run finished by the host after {clock.Elapsed.TotalSeconds:0.0} s");
        var run = await host.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        run.Batches.ShouldBe(Postings + 1);
        run.BatchesDone.ShouldBe(run.Batches, "each batch counted exactly once");
        run.IsFinished.ShouldBeTrue();
        var batches = await host.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchBatches.AsNoTracking().Where(b => b.RunId == runId).ToListAsync());
        batches.ShouldAllBe(b => b.DoneAt != null);
        var byWorker = batches.Count(b => b.DoneBy!.StartsWith(workerName, StringComparison.Ordinal));
        byWorker.ShouldBeGreaterThanOrEqualTo(3);
        (batches.Count - byWorker).ShouldBeGreaterThan(0, "the host did the rest");
        (await DuplicateRowsAsync(connection)).ShouldBe(0);
        await MatchingPipelineTests.ShouldEqualTheEngineAsync(host, profiles, postings);
        var shared = await SnapshotAsync(connection);

        // The same inputs, rematched by the host alone: the very same rows.
        await DeleteListsAsync(host);
        var alone = Guid.NewGuid();
        await host.InScopeAsync(s =>
        {
            s.GetRequiredService<IRematchRuns>().Schedule(alone, "test");
            return Task.FromResult(0);
        });
        await WaitUntilRunFinishedAsync(host, connection, alone);
        (await host.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().RematchRuns.AsNoTracking().SingleAsync(r => r.Id == alone))).IsFinished.ShouldBeTrue();
        (await SnapshotAsync(connection)).ShouldBe(shared);
    }

    /// <summary>
    /// Waits (bounded) until the run is finished and no job is queued, running, scheduled or awaiting. A job the killed worker
    /// was creating when it died can be left with no state at all (Hangfire creates a job, then gives it its first state; it
    /// expires such rows later). It never runs, so it is not waited for: the planning job's retry enqueues its batch again.
    /// </summary>
    private static async Task WaitUntilRunFinishedAsync(MarketplaceApp host, string connectionString, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        var quiet = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT (SELECT count(*) FROM hangfire.job j WHERE j.statename IN ('Enqueued', 'Processing', 'Scheduled', 'Awaiting')
                           OR EXISTS (SELECT 1 FROM hangfire.jobqueue q WHERE q.jobid = j.id))
                     + (SELECT count(*) FROM matching.rematch_runs WHERE id = @run AND finished_at IS NULL)
                """, connection);
            command.Parameters.AddWithValue("run", runId);
            quiet = (long)(await command.ExecuteScalarAsync())! == 0 ? quiet + 1 : 0;
            if (quiet >= 2) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The run did not finish: {host.BackgroundWork()}");
    }

    private static Task<int> DeleteListsAsync(MarketplaceApp app) => app.InScopeAsync(async s =>
    {
        var context = s.GetRequiredService<MatchingDbContext>();
        return await context.PostingCandidates.ExecuteDeleteAsync() + await context.ProfileMatches.ExecuteDeleteAsync();
    });

    private static async Task<(int ByWorker, int Done, int All)> ProgressAsync(string connectionString, Guid runId, string workerName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE done_by LIKE @worker), count(*) FILTER (WHERE done_at IS NOT NULL), count(*)
            FROM matching.rematch_batches WHERE run_id = @run
            """, connection);
        command.Parameters.AddWithValue("worker", workerName + "%");
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    private static async Task<long> JobsRunByServerAsync(string connectionString, string serverPrefix)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM hangfire.state WHERE name = 'Processing' AND lower(data::jsonb->>'ServerId') LIKE @server", connection);
        command.Parameters.AddWithValue("server", serverPrefix + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> DuplicateRowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM matching.posting_candidates GROUP BY posting_id, profile_id HAVING count(*) > 1) c)
                 + (SELECT count(*) FROM (SELECT 1 FROM matching.profile_matches GROUP BY profile_id, posting_id HAVING count(*) > 1) m)
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Every stored row as text, in one order: two runs stored the same lists when these are equal.
    private static async Task<List<string>> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT 'c ' || posting_id || ' ' || profile_id || ' ' || score FROM matching.posting_candidates
            UNION ALL
            SELECT 'm ' || profile_id || ' ' || posting_id || ' ' || score FROM matching.profile_matches
            ORDER BY 1
            """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        rows.Count.ShouldBeGreaterThan(0);
        return rows;
    }
}
