using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Application.Rematching;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Engine;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// `bench.sh pipeline`: matching as it runs, on a copy of a seeded database (see <see cref="PipelineSeed"/>). The real host (its
/// shipped Hangfire settings) loads the population into its engine; a full rematch is started as /Admin/Matching starts it and
/// timed until its run is recorded finished with every list written, first on the host alone, then with a real
/// `Marketplace.Web.dll worker` process sharing the batches. Then, one at a time, postings published through the API and profiles
/// saved through the API, each timed until the facade reads its new list. The engine alone is measured last by the `engine` mode
/// (another process). Ends with one JSON line.
/// </summary>
public static class PipelineBench
{
    private static readonly TimeSpan VisibleBound = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        int profiles = 100_000, jobs = 10_000, samples = 50;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                Console.Error.WriteLine($"{args[i]} needs a positive whole number, not '{args[i + 1]}'");
                return 2;
            }

            switch (args[i])
            {
                case "--profiles": profiles = value; break;
                case "--jobs": jobs = value; break;
                case "--samples": samples = value; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (Environment.GetEnvironmentVariable("MARKETPLACE_DB") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)");
            return 2;
        }

        Console.WriteLine($"load average at start: {Measure.LoadAverage()}; {Environment.ProcessorCount} cores; profiles {profiles:N0}, postings {jobs:N0}, {samples} samples");
        var template = await PipelineSeed.EnsureAsync(server, profiles, jobs);
        var database = await PipelineSeed.CopyAsync(server, template);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        double oneServer, twoServers;
        List<double> published, profileSaved;
        try
        {
            // The shipped Hangfire settings (appsettings.json), not the tests' faster polling.
            var settings = new Dictionary<string, string?>
            {
                ["BackgroundJobs:QueuePollIntervalMs"] = "1000",
                ["BackgroundJobs:SchedulePollIntervalSeconds"] = "5",
                ["Serilog:MinimumLevel:Default"] = "Error",
                ["Serilog:MinimumLevel:Override:" + typeof(MatchingEngine).FullName] = "Information",
                ["Serilog:MinimumLevel:Override:Marketplace.Matching.Infrastructure.Rematching.FullRematch"] = "Information",
                ["Serilog:MinimumLevel:Override:Marketplace.Matching.Infrastructure.Engine.MatchStore"] = "Debug",
                // One client signs in as every sample seeker: the per-client sign-in and token limits would refuse it after a few.
                ["Identity:RateLimits:SignInPerWindow"] = "100000",
                ["Identity:RateLimits:TokenPerWindow"] = "100000",
            };
            await using var app = new MarketplaceApp(connectionString, new AppOptions { Settings = settings });
            var clock = Stopwatch.StartNew();
            _ = app.Server;
            var engine = app.Services.GetRequiredService<MatchingEngine>();
            var seeded = await ScalarAsync(connectionString, "SELECT stored_through FROM matching.feed_state");
            await WaitAsync(() => Task.FromResult(engine.Applied >= seeded), TimeSpan.FromMinutes(10), "the host's engine to load the population");
            Console.WriteLine($"host serving with its engine loaded after {clock.Elapsed.TotalSeconds:F1} s");

            oneServer = await FullRematchAsync(app, connectionString, "one server");
            await using (var worker = await WorkerProcess.StartAsync(connectionString, settings, TimeSpan.FromMinutes(2)))
            {
                clock.Restart();
                await WaitAsync(() => Task.FromResult(worker.Output.Contains("Matching engine loaded", StringComparison.Ordinal)), TimeSpan.FromMinutes(10),
                    "the worker's engine to load the population", pollMs: 100);
                Console.WriteLine($"worker process {worker.Id} serving with its engine loaded after {clock.Elapsed.TotalSeconds:F1} s more");
                twoServers = await FullRematchAsync(app, connectionString, "host and worker");
            }

            await app.WaitForBackgroundWorkAsync(TimeSpan.FromMinutes(5));
            published = await PublishToVisibleAsync(app, samples);
            profileSaved = await ProfileToVisibleAsync(app, samples);
            Console.WriteLine($"background jobs failed: {app.BackgroundWork().Failed}; load average: {Measure.LoadAverage()}");
        }
        finally
        {
            await PipelineSeed.DropAsync(server, database);
        }

        var engineFigures = await EngineFiguresAsync(profiles, jobs);
        Console.WriteLine($"load average at end: {Measure.LoadAverage()} (other processes share these cores; wall-clock figures include their interference)");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["full_rematch_persisted_s"] = Math.Round(oneServer, 2),
            ["full_rematch_persisted_2_servers_s"] = Math.Round(twoServers, 2),
            ["publish_to_visible_p50_ms"] = Math.Round(Measure.Percentile(published, 50), 0),
            ["publish_to_visible_p95_ms"] = Math.Round(Measure.Percentile(published, 95), 0),
            ["profile_to_visible_p50_ms"] = Math.Round(Measure.Percentile(profileSaved, 50), 0),
            ["engine_top50_p50_ms"] = engineFigures.GetProperty("engine_top50_p50_ms").GetDouble(),
            ["rematch_scoring_s"] = engineFigures.GetProperty("rematch_scoring_s").GetDouble(),
            ["profiles"] = profiles,
            ["jobs"] = jobs,
        }));
        return 0;
    }

    /// <summary>Starts a run as the admin page's command does and waits until it is recorded finished; seconds from the start.</summary>
    private static async Task<double> FullRematchAsync(MarketplaceApp app, string connectionString, string label)
    {
        var runId = Guid.NewGuid();
        var started = DateTimeOffset.UtcNow;
        await app.InScopeAsync(s =>
        {
            s.GetRequiredService<IRematchRuns>().Schedule(runId, "bench");
            return Task.FromResult(0);
        });
        await WaitAsync(async () => await ScalarAsync(connectionString, $"SELECT count(*) FROM matching.rematch_runs WHERE id = '{runId}' AND finished_at IS NOT NULL") > 0,
            TimeSpan.FromMinutes(30), $"full rematch ({label})", pollMs: 100);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT extract(epoch FROM r.finished_at - @started), r.batches,
              (SELECT string_agg(n || ' by ' || w, ', ') FROM (SELECT split_part(done_by, ':', 2) AS w, count(*) AS n FROM matching.rematch_batches
                 WHERE run_id = r.id GROUP BY 1 ORDER BY 1) s),
              (SELECT count(*) FROM matching.posting_candidates), (SELECT count(*) FROM matching.profile_matches)
            FROM matching.rematch_runs r WHERE r.id = @run
            """, connection);
        command.Parameters.AddWithValue("started", started);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var seconds = (double)reader.GetDecimal(0);
        Console.WriteLine($"full rematch ({label}): {seconds:F1} s, {reader.GetInt32(1)} batches ({reader.GetString(2)} process), "
            + $"{reader.GetInt64(3):N0} candidate rows and {reader.GetInt64(4):N0} match rows stored; load {Measure.LoadAverage()}");
        return seconds;
    }

    /// <summary>Postings published one at a time through the API, each until the facade reads candidates for it.</summary>
    private static async Task<List<double>> PublishToVisibleAsync(MarketplaceApp app, int samples)
    {
        using var employer = app.CreateClient();
        employer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.EmployerTokenWithScopesAsync("jobs:read", "jobs:write"));
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var request = PostingRequests.Valid();
            request["title"] = $"Backend developer (bench {i})";
            var t0 = Stopwatch.GetTimestamp();
            using var response = await employer.PostAsJsonAsync("/api/v1/postings", request);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Publishing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await WaitAsync(() => app.InScopeAsync(async s =>
                (await s.GetRequiredService<IMatchingFacade>().CandidatesOfPostingAsync(id, null, 1, 10, CancellationToken.None)).Page is { Items.Count: > 0 }),
                VisibleBound, $"candidates of posting {id}");
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        Console.WriteLine($"publish to visible: {latencies.Count} postings, p50 {Measure.Percentile(latencies, 50):F0} ms, p95 {Measure.Percentile(latencies, 95):F0} ms, "
            + $"max {latencies.Max():F0} ms; load {Measure.LoadAverage()}");
        return latencies;
    }

    /// <summary>New seekers' profiles saved one at a time through the API, each until the facade reads the seeker's matches.</summary>
    private static async Task<List<double>> ProfileToVisibleAsync(MarketplaceApp app, int samples)
    {
        var seekers = new List<(Guid Id, HttpClient Api)>();
        for (var i = 0; i < samples; i++)
        {
            var email = $"bench.seeker{i}@example.com";
            var id = await app.CreateAccountAsync(email, Roles.JobSeeker);
            using var browser = ApiAccess.Browser(app);
            await ApiAccess.SignInAsync(browser, email);
            var api = app.CreateClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AuthorizationCodeTokenAsync(browser, "openid profile:me"));
            seekers.Add((id, api));
        }

        var latencies = new List<double>();
        foreach (var (id, api) in seekers)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await api.PutAsJsonAsync("/api/v1/me/profile", new
            {
                version = 0,
                displayName = "Bench Seeker",
                headline = "Backend engineer",
                skills = new[] { new { skillId = "csharp", level = 4, years = 5 }, new { skillId = "postgresql", level = 3, years = 4 }, new { skillId = "docker", level = 3, years = 2 } },
                preferences = new
                {
                    seniority = "Senior",
                    workModes = new[] { "Hybrid" },
                    locations = new[] { new { country = "de", city = "Berlin" } },
                    willingToRelocate = false,
                    visibility = "Discoverable",
                },
            });
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Saving a profile answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            await WaitAsync(() => app.InScopeAsync(async s =>
                (await s.GetRequiredService<IMatchingFacade>().MatchesOfProfileAsync(id, 1, 10, CancellationToken.None)).Items.Count > 0),
                VisibleBound, $"matches of profile {id}");
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            api.Dispose();
        }

        Console.WriteLine($"profile to visible: {latencies.Count} profiles, p50 {Measure.Percentile(latencies, 50):F0} ms, p95 {Measure.Percentile(latencies, 95):F0} ms, "
            + $"max {latencies.Max():F0} ms; load {Measure.LoadAverage()}");
        return latencies;
    }

    /// <summary>The engine benchmark (`engine` mode) in a process of its own at the same size; its JSON line.</summary>
    private static async Task<JsonElement> EngineFiguresAsync(int profiles, int jobs)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Marketplace.Benchmarks.dll"), "engine", "--profiles", profiles.ToString(CultureInfo.InvariantCulture),
                     "--jobs", jobs.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        string? last = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine($"engine: {line}");
            last = line;
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || last is null || !last.StartsWith('{'))
            throw new InvalidOperationException($"The engine benchmark exited with {process.ExitCode}.");
        return JsonDocument.Parse(last).RootElement.Clone();
    }

    private static async Task WaitAsync(Func<Task<bool>> done, TimeSpan bound, string what, int pollMs = 10)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        while (!await done())
        {
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"Gave up waiting for {what} after {bound}.");
            await Task.Delay(pollMs);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }
}
