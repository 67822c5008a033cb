using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Xunit.Abstractions;

namespace Marketplace.BuildingBlocks.Tests.Persistence;

/// <summary>
/// PostgreSQL restarted (fast: every connection terminated) while six clients write notes over HTTP. Every write answers
/// 201, or 503 with Retry-After having stored nothing; every stored note's event reaches the Tallies module exactly once.
/// Runs on a cluster of its own, never on the shared server.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    private sealed record Outcome(Guid Id, HttpStatusCode Status, bool HasRetryAfter, string Body, TimeSpan Sent, TimeSpan Answered);

    [Fact]
    public async Task Writes_during_a_restart_answer_201_or_503_with_nothing_stored_and_every_event_arrives_exactly_once()
    {
        await using var cluster = await PrivateCluster.StartAsync("faults");
        await using var host = await ToyHost.StartAsync(cluster.ConnectionString("faults"), new ToyHostOptions
        {
            // A job whose worker lost the database while running it is given to another after 10 s.
            Settings = new Dictionary<string, string?>
            {
                ["BackgroundJobs:InvisibilityTimeoutSeconds"] = "10",
                // A state lock whose holder lost its connection in the restart is abandoned after 10 s.
                ["BackgroundJobs:DistributedLockTimeoutSeconds"] = "10",
            },
        });
        var client = host.CreateClient();
        // Warm: the restart should hit a host that is busy writing, not one still compiling its first request.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync("/notes", new WriteNote(Guid.CreateVersion7(), $"warm-up {i}"))));
        var warmedUp = (await host.NoteIdsAsync()).ToHashSet();
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();

        var writers = Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var note = new WriteNote(Guid.CreateVersion7(), $"writer {writer} note {i}");
                var sent = clock.Elapsed;
                using var response = await client.PostAsJsonAsync("/notes", note);
                outcomes.Enqueue(new Outcome(note.Id, response.StatusCode, response.Headers.RetryAfter is not null,
                    await response.Content.ReadAsStringAsync(), sent, clock.Elapsed));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var restartBegan = clock.Elapsed;
        await cluster.RestartAsync();
        var restartEnded = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var all = outcomes.ToList();
        foreach (var o in all.OrderBy(o => o.Sent).Where((_, i) => i % 10 == 0 || all.Count < 100))
        {
            output.WriteLine($"  sent {o.Sent.TotalSeconds:0.000} s, answered {(int)o.Status} after {(o.Answered - o.Sent).TotalMilliseconds:0} ms");
        }

        await host.WaitForBackgroundWorkAsync(TimeSpan.FromSeconds(180));

        var created = all.Where(o => o.Status == HttpStatusCode.Created).Select(o => o.Id).ToHashSet();
        var unavailable = all.Where(o => o.Status == HttpStatusCode.ServiceUnavailable).ToList();
        output.WriteLine($"{all.Count} writes: {created.Count} answered 201, {unavailable.Count} answered 503; restart from {restartBegan.TotalSeconds:0.00} s to {restartEnded.TotalSeconds:0.00} s");

        all.Where(o => o.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable))
            .Select(o => $"{(int)o.Status}: {o.Body}").ShouldBeEmpty();
        unavailable.ShouldAllBe(o => o.HasRetryAfter);
        all.ShouldContain(o => o.Sent < restartBegan && o.Answered > restartBegan, "some writes were under way when the server went down");
        all.ShouldContain(o => o.Status == HttpStatusCode.Created && o.Sent > restartEnded, "writing went on after the restart");

        // What answered 201 is stored, what answered 503 is not; every stored note was counted once, and nothing else.
        warmedUp.Count.ShouldBe(6);
        var expected = created.Concat(warmedUp).ToHashSet();
        var stored = (await host.NoteIdsAsync()).ToHashSet();
        stored.ShouldBe(expected, ignoreOrder: true);
        unavailable.ShouldAllBe(o => !stored.Contains(o.Id));
        var tallies = await host.TalliesAsync();
        tallies.Keys.ShouldBe(expected, ignoreOrder: true);
        tallies.Where(t => t.Value != 1).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_write_while_the_server_stays_down_answers_503_with_retry_after_and_is_not_stored_when_it_is_back()
    {
        await using var cluster = await PrivateCluster.StartAsync("down");
        await using var host = await ToyHost.StartAsync(cluster.ConnectionString("down"), new ToyHostOptions { BackgroundServer = false });
        var client = host.CreateClient();
        using (var warmUp = await client.PostAsJsonAsync("/notes", new WriteNote(Guid.CreateVersion7(), "warm-up")))
        {
            warmUp.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await cluster.StopAsync();
        var lost = new WriteNote(Guid.CreateVersion7(), "written while the server is down");
        HttpStatusCode status;
        string? retryAfter;
        string body;
        try
        {
            using var response = await client.PostAsJsonAsync("/notes", lost);
            (status, retryAfter, body) = (response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await cluster.StartAgainAsync();
        }

        status.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        retryAfter.ShouldBe("5");
        body.ShouldContain("\"code\":\"unavailable\"");
        body.ShouldNotContain("Npgsql");
        using (var after = await client.PostAsJsonAsync("/notes", new WriteNote(Guid.CreateVersion7(), "after")))
        {
            after.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await host.NoteIdsAsync()).ShouldNotContain(lost.Id);
        (await host.NoteIdsAsync()).Count.ShouldBe(2);
    }
}
