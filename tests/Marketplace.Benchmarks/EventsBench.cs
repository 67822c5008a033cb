using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Application.Postings.Create;
using Marketplace.Testing;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// `bench.sh events`: PostingPublished through the real pipeline of the real host (the CreatePosting command with its
/// validation and unit of work, the Jobs outbox, the relay, a batched Hangfire delivery, the Courses inbox and handler) on
/// the private PostgreSQL. The command is sent either as POST /api/v1/postings with an employer's token (`--via http`) or
/// through Mediator's ISender in a scope of the host, as the employer (`--via command`, the default: the pipeline, not the
/// HTTP front, is what is measured); with the command, a shorter HTTP burst is measured too and printed, so the cost of
/// the HTTP front stays in view. Publish-to-handled is from the event's OccurredAt (taken in the command, before its
/// commit) to the stamp its delivery puts on the inbox row just before committing. Ends with one JSON line, which names
/// the way the events were published.
/// </summary>
public static class EventsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int single = 200, burst = 10_000, publishers = 8, workers = 2, httpBurst = 2_000, pace = 0;
        var via = "command";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--via")
            {
                via = args[i + 1];
                if (via is not ("command" or "http"))
                {
                    Console.Error.WriteLine("--via is command or http");
                    return 2;
                }

                continue;
            }

            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--http-events": httpBurst = value; break;
                case "--rate": pace = value; break;
                case "--single": single = value; break;
                case "--events": burst = value; break;
                case "--publishers": publishers = value; break;
                case "--workers": workers = value; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MARKETPLACE_DB")))
        {
            Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)");
            return 2;
        }

        // WebApplicationFactory finds the host's content root from a test project's build; a benchmark names it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MARKETPLACE_WEB", Path.Combine(root?.FullName ?? ".", "src", "Marketplace.Web"));
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new MarketplaceApp(database.ConnectionString, new AppOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["BackgroundJobs:WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
                ["BackgroundJobs:QueuePollIntervalMs"] = "1000",
                ["Serilog:MinimumLevel:Default"] = "Error",
            },
        });
        _ = app.Server;
        using var employer = app.CreateClient();
        employer.DefaultRequestHeaders.Authorization = new("Bearer", await app.EmployerTokenWithScopesAsync("jobs:read", "jobs:write"));
        var employerId = await app.CreateAccountAsync("api.employer@example.com", Roles.Employer);
        Func<string, Task> overHttp = title => PublishOverHttpAsync(employer, title);
        Func<string, Task> asCommand = title => PublishAsCommandAsync(app, employerId, title);
        var publish = via == "http" ? overHttp : asCommand;
        Console.WriteLine($"load average at start: {LoadAverage()}; {Environment.ProcessorCount} cores; {workers} Hangfire workers, {publishers} publishers; " +
            $"published {(via == "http" ? "as POST /api/v1/postings" : "as the CreatePosting command (ISender in a scope of the host)")}; " +
            $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

        // Warm-up: JIT, pools, EF's model and the first Hangfire fetches, on both ways in.
        await PublishManyAsync(overHttp, 25, publishers, "warm-up http");
        await PublishManyAsync(asCommand, 25, publishers, "warm-up command");
        await WaitForHandledAsync(database.ConnectionString, 50, TimeSpan.FromMinutes(2));
        var handledSoFar = 50L;

        // One at a time: each posting is handled before the next is published.
        var singleSince = DateTimeOffset.UtcNow;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < single; i++)
        {
            await publish($"single {i}");
            await WaitForHandledAsync(database.ConnectionString, ++handledSoFar, TimeSpan.FromSeconds(30));
        }

        var singles = await LatenciesAsync(database.ConnectionString, singleSince);
        var singleCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / single;
        Console.WriteLine($"one at a time: {singles.Count} events, p50 {Percentile(singles, 0.50):F1} ms, p95 {Percentile(singles, 0.95):F1} ms, " +
            $"max {singles.Max():F1} ms; {singleCpu:F1} ms of this process's CPU an event");

        // A burst: as many postings as fast as the publishers can, drained while they publish.
        var burstSince = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await PublishManyAsync(publish, burst, publishers, "burst", pace);
        var published = clock.Elapsed;
        var publishCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / burst;
        await WaitForHandledAsync(database.ConnectionString, handledSoFar += burst, TimeSpan.FromMinutes(10));
        var burstCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / burst;
        var (latencies, spanSeconds) = await BurstAsync(database.ConnectionString, burstSince);
        var handledRate = latencies.Count / spanSeconds;
        Console.WriteLine($"burst{(pace > 0 ? $" paced at {pace}/s" : "")}: {latencies.Count} events published in {published.TotalSeconds:F1} s ({burst / published.TotalSeconds:F0}/s), all handled " +
            $"{spanSeconds:F1} s after the first was published: {handledRate:F0} events/s; publish to handled p50 {Percentile(latencies, 0.50):F0} ms, " +
            $"p95 {Percentile(latencies, 0.95):F0} ms, max {latencies.Max():F0} ms; {burstCpu:F1} ms of CPU an event in all " +
            $"({publishCpu:F1} ms while publishing, delivery included)");
        Console.WriteLine($"delivery jobs: {await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IntegrationEventDelivery%'")}, " +
            $"relay jobs: {await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%OutboxRelay%RelayAsync%'")}");

        // With the command, the HTTP front is measured too: a shorter burst through POST /api/v1/postings.
        double? httpRate = null, httpP95 = null;
        if (via == "command" && httpBurst > 0)
        {
            var httpSince = DateTimeOffset.UtcNow;
            var httpClock = Stopwatch.StartNew();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await PublishManyAsync(overHttp, httpBurst, publishers, "http burst");
            var httpPublished = httpClock.Elapsed;
            var httpPublishCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / httpBurst;
            await WaitForHandledAsync(database.ConnectionString, handledSoFar += httpBurst, TimeSpan.FromMinutes(10));
            var httpCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / httpBurst;
            var (httpLatencies, httpSpan) = await BurstAsync(database.ConnectionString, httpSince);
            httpRate = httpLatencies.Count / httpSpan;
            httpP95 = Percentile(httpLatencies, 0.95);
            Console.WriteLine($"http burst: {httpLatencies.Count} events published as POST /api/v1/postings in {httpPublished.TotalSeconds:F1} s " +
                $"({httpBurst / httpPublished.TotalSeconds:F0}/s), all handled {httpSpan:F1} s after the first: {httpRate:F0} events/s; p50 " +
                $"{Percentile(httpLatencies, 0.50):F0} ms, p95 {httpP95:F0} ms; {httpCpu:F1} ms of CPU an event in all ({httpPublishCpu:F1} ms while publishing)");
        }

        Console.WriteLine($"load average at end: {LoadAverage()} (other processes share these cores; wall-clock figures include their interference)");

        var figures = new Dictionary<string, object>
        {
            ["publish_to_handled_p50_ms"] = Math.Round(Percentile(singles, 0.50), 1),
            ["publish_to_handled_p95_ms"] = Math.Round(Percentile(singles, 0.95), 1),
            ["events_per_s"] = Math.Round(handledRate, 0),
            ["burst_p95_ms"] = Math.Round(Percentile(latencies, 0.95), 0),
            ["events"] = latencies.Count,
            ["published_via"] = via,
        };
        if (pace > 0)
        {
            figures["paced_at_per_s"] = pace;
        }

        if (httpRate is { } r && httpP95 is { } p)
        {
            figures["http_events_per_s"] = Math.Round(r, 0);
            figures["http_burst_p95_ms"] = Math.Round(p, 0);
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task PublishOverHttpAsync(HttpClient employer, string title)
    {
        var posting = PostingRequests.Valid();
        posting["title"] = $"Backend developer ({title})";
        using var response = await employer.PostAsJsonAsync("/api/v1/postings", posting);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Publishing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The same request body, read into the command as the endpoint reads it, sent through ISender in a scope of the host
    /// whose current user is the employer (the principal a validated token would give: the user id and the role).
    /// </summary>
    private static async Task PublishAsCommandAsync(MarketplaceApp app, Guid employerId, string title)
    {
        var posting = PostingRequests.Valid();
        posting["title"] = $"Backend developer ({title})";
        var command = JsonSerializer.Deserialize<CreatePosting>(JsonSerializer.Serialize(posting, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", employerId.ToString()), new Claim("role", Roles.Employer)], "bench", "sub", "role")),
        };
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        if (result.IsFailure)
        {
            throw new InvalidOperationException($"Publishing failed: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    /// <summary>Publishes as fast as the publishers can, or with a rate (events a second), event i no sooner than i / rate after the start.</summary>
    private static async Task PublishManyAsync(Func<string, Task> publish, int count, int publishers, string prefix, int rate = 0)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (rate > 0 && TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                await publish($"{prefix} {i}");
            }
        }));
    }

    private static async Task WaitForHandledAsync(string connectionString, long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync(connectionString, "SELECT count(*) FROM courses.inbox_messages WHERE handler = 'courses.count-skill-demand'") < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} events were handled within {timeout}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Per event since a moment: from OccurredAt to the inbox stamp, in ms (a benchmark may join schemas; the app never does).</summary>
    private static async Task<List<double>> LatenciesAsync(string connectionString, DateTimeOffset since) =>
        (await BurstAsync(connectionString, since)).Latencies;

    private static async Task<(List<double> Latencies, double SpanSeconds)> BurstAsync(string connectionString, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT extract(epoch FROM i.processed_at - o.occurred_at) * 1000, extract(epoch FROM i.processed_at - min(o.occurred_at) OVER ())
            FROM jobs.outbox_messages o JOIN courses.inbox_messages i ON i.event_id = o.id AND i.handler = 'courses.count-skill-demand'
            WHERE o.occurred_at >= @since
            """, connection);
        query.Parameters.AddWithValue("since", since);
        var latencies = new List<double>();
        var span = 0.0;
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            latencies.Add((double)reader.GetDecimal(0));
            span = Math.Max(span, (double)reader.GetDecimal(1));
        }

        return (latencies, span);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
