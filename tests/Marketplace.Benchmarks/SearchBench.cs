using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Jobs.Infrastructure.Search;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// `bench.sh search`: loads postings into a fresh database on the private PostgreSQL, serves the real app on Kestrel and
/// sends searches mixing text, skills and filters to GET /api/v1/postings/search at 32 concurrent connections (answered by
/// the in-process index, docs/adr/0008); then runs the same searches (the queries captured from the app) as the SQL of
/// PostingSearchSql, which the index replaced, with raw Npgsql at the same concurrency. Ends with one JSON line.
/// `--breakdown` first prints, one search at a time, a search's time over HTTP and through the search alone.
/// </summary>
public static class SearchBench
{
    /// <summary>Searches as people type them, with the filters the page offers; each is sent as the first page, facets included.</summary>
    private static readonly string[] Searches =
    [
        "q=k8s+remote+senior", "q=backend", "q=%22platform+engineer%22", "q=java+-spring", "q=golang&workMode=Remote",
        "skills=postgres,k8s", "skills=C%23&seniority=Senior", "q=python&country=DE", "q=data+engineer&minSalary=60000&currency=EUR",
        "q=.NET&sort=Newest", "q=rust&sort=Salary", "skills=kafka&postedWithin=7", "q=api&workMode=Hybrid&seniority=Mid",
        "q=lead+engineer&minSalary=90000&currency=EUR", "skills=terraform,aws&workMode=Remote", "q=node+typescript",
        "q=payments", "q=site+reliability", "skills=react&seniority=Junior", "q=kotlin&country=NL", "q=devops+-azure",
        "skills=spring+boot&country=PL", "q=machine+learning", "q=php+laravel", "seniority=Senior&workMode=Remote",
        "q=scala+spark", "q=embedded+c%2B%2B", "skills=sql+server&sort=Newest", "q=elixir", "q=microservices&postedWithin=30",
        "q=security+engineer", "skills=redis,postgresql&seniority=Lead",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var postings = Option(args, "--postings", 50_000);
        var seconds = Option(args, "--seconds", 20);
        var connections = Option(args, "--connections", 32);
        var explain = args.Contains("--explain");
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MARKETPLACE_DB")))
        {
            Console.Error.WriteLine("MARKETPLACE_DB is not set (run through build/bench.sh)");
            return 2;
        }

        Console.WriteLine($"load average at start: {Measure.LoadAverage()}; {Environment.ProcessorCount} cores");
        var database = await TestDatabase.CreateAsync();
        try
        {
            return await RunOnAsync(database, postings, seconds, connections, explain, args);
        }
        finally
        {
            // `--explain --keep` leaves the loaded database for looking at plans by hand (drop it afterwards).
            if (explain && args.Contains("--keep"))
            {
                Console.WriteLine($"kept database {database.Name}");
            }
            else
            {
                await database.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunOnAsync(TestDatabase database, int postings, int seconds, int connections, bool explain, string[] args)
    {
        var capture = new CaptureSwitch();
        await using var app = new MarketplaceApp(database.ConnectionString, new AppOptions
        {
            Kestrel = true,
            BackgroundServer = false,
            RelayAfterCommit = false,
            SendMailAfterCommit = false,
            Services = services => Capture(services, capture),
            Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Serilog:MinimumLevel:Default"] = "Warning" },
        });
        app.StartServer();

        var sw = Stopwatch.StartNew();
        var seeded = await JobsDemoData.SeedAsync(app.Services, postings, [], publishEvents: false, CancellationToken.None);
        await using (var analyze = new NpgsqlConnection(database.ConnectionString))
        {
            await analyze.OpenAsync();
            await new NpgsqlCommand("ANALYZE jobs.postings", analyze).ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seeded {seeded:N0} postings (binary COPY through the demo generator) in {sw.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = app.ClientOptions.BaseAddress };
        var urls = Searches.Select(s => "/api/v1/postings/search?" + s).ToArray();
        var queries = new PostingSearchQuery[urls.Length];
        for (var i = 0; i < urls.Length; i++)
        {
            // One at a time, so the query the app searched with is this URL's.
            capture.Last = null;
            using var answer = await http.GetAsync(urls[i]);
            if (!answer.IsSuccessStatusCode || capture.Last is null)
            {
                Console.Error.WriteLine($"{urls[i]} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                return 1;
            }

            queries[i] = capture.Last;
        }

        capture.On = false;
        if (explain)
        {
            await ExplainAsync(database.ConnectionString, Searches, queries);
            return 0;
        }

        // Warm-up, then the timed run over HTTP.
        await RunAsync(connections, TimeSpan.FromSeconds(3), i => GetAsync(http, urls[i % urls.Length]));
        if (args.Contains("--breakdown"))
        {
            await BreakdownAsync(app, http, urls, queries);
        }

        var (httpLatencies, httpRps) = await RunAsync(connections, TimeSpan.FromSeconds(seconds), i => GetAsync(http, urls[i % urls.Length]));

        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = connections + 4 }.ConnectionString);
        await RunAsync(connections, TimeSpan.FromSeconds(3), i => RawAsync(dataSource, queries[i % queries.Length]));
        var (rawLatencies, rawRps) = await RunAsync(connections, TimeSpan.FromSeconds(seconds), i => RawAsync(dataSource, queries[i % queries.Length]));

        var p50 = Percentile(httpLatencies, 0.50);
        var p95 = Percentile(httpLatencies, 0.95);
        Console.WriteLine($"HTTP: {httpLatencies.Count:N0} searches in {seconds} s at {connections} connections, p50 {p50:F1} ms, p95 {p95:F1} ms, p99 {Percentile(httpLatencies, 0.99):F1} ms, {httpRps:F0}/s");
        Console.WriteLine($"raw Npgsql (the same statements): {rawLatencies.Count:N0} in {seconds} s, p50 {Percentile(rawLatencies, 0.50):F1} ms, p95 {Percentile(rawLatencies, 0.95):F1} ms, {rawRps:F0}/s");
        Console.WriteLine($"targets: p95 <= 50 ms, ratio_to_raw >= 0.7; load average at end: {Measure.LoadAverage()}");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["search_p50_ms"] = Math.Round(p50, 2),
            ["search_p95_ms"] = Math.Round(p95, 2),
            ["search_rps"] = Math.Round(httpRps, 1),
            ["raw_npgsql_rps"] = Math.Round(rawRps, 1),
            ["ratio_to_raw"] = Math.Round(httpRps / rawRps, 3),
            ["postings"] = seeded,
        }));
        return 0;
    }

    /// <summary>`--breakdown`: one request at a time, where a search's time goes: over HTTP, the search alone (its round trip included), each search's own.</summary>
    private static async Task BreakdownAsync(MarketplaceApp app, HttpClient http, string[] urls, PostingSearchQuery[] queries)
    {
        const int rounds = 20;
        var perSearch = new double[urls.Length];
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < urls.Length; i++)
            {
                await GetAsync(http, urls[i]);
            }
        }

        var httpMs = clock.Elapsed.TotalMilliseconds / (rounds * urls.Length);
        clock.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var search = scope.ServiceProvider.GetRequiredService<IPostingSearch>();
            for (var r = 0; r < rounds; r++)
            {
                for (var i = 0; i < queries.Length; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await search.SearchAsync(queries[i], CancellationToken.None);
                    perSearch[i] += Stopwatch.GetElapsedTime(started).TotalMilliseconds / rounds;
                }
            }
        }

        var searchMs = clock.Elapsed.TotalMilliseconds / (rounds * urls.Length);
        Console.WriteLine($"one at a time: HTTP {httpMs:F2} ms a search, the search alone {searchMs:F2} ms");
        foreach (var (ms, i) in perSearch.Select((ms, i) => (ms, i)).OrderByDescending(x => x.ms).Take(8))
        {
            Console.WriteLine($"  {ms,7:F2} ms  {Searches[i]}");
        }
    }

    /// <summary>`--explain`: every statement of every search under EXPLAIN ANALYZE, one after another (no load), slowest first.</summary>
    private static async Task ExplainAsync(string connectionString, string[] searches, PostingSearchQuery[] queries)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var plans = new List<(double Ms, string Search, string Plan)>();
        for (var i = 0; i < queries.Length; i++)
        {
            var sql = PostingSearchSql.Build(queries[i]);
            await using var batch = sql.ToBatch(connection);
            // The batch's SET LOCAL, for the session here (EXPLAIN cannot wrap a SET), then back to the defaults.
            await new NpgsqlCommand("RESET ALL", connection).ExecuteNonQueryAsync();
            foreach (var setting in sql.Settings)
            {
                await new NpgsqlCommand(setting.Replace("SET LOCAL", "SET", StringComparison.Ordinal), connection).ExecuteNonQueryAsync();
            }

            foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>().Where(c => !c.CommandText.StartsWith("SET LOCAL", StringComparison.Ordinal)))
            {
                await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, connection);
                foreach (NpgsqlParameter parameter in command.Parameters)
                {
                    explain.Parameters.Add(parameter.Clone());
                }

                var lines = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        lines.Add(reader.GetString(0));
                    }
                }

                var total = lines.Last(l => l.StartsWith("Execution Time", StringComparison.Ordinal));
                var ms = double.Parse(total.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                plans.Add((ms, searches[i], command.CommandText + "\n" + string.Join('\n', lines)));
            }
        }

        foreach (var (ms, search, _) in plans.OrderByDescending(p => p.Ms))
        {
            Console.WriteLine($"{ms,10:F1} ms  {search}");
        }

        foreach (var (ms, search, plan) in plans.OrderByDescending(p => p.Ms).Take(8))
        {
            Console.WriteLine($"==== {ms:F1} ms {search}\n{plan}\n");
        }
    }

    private static async Task GetAsync(HttpClient http, string url)
    {
        using var answer = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>The statements the app ran for a search, on a pooled connection, every value of every result read.</summary>
    private static async Task RawAsync(NpgsqlDataSource dataSource, PostingSearchQuery query)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = PostingSearchSql.Build(query).ToBatch(connection);
        await using var reader = await batch.ExecuteReaderAsync();
        var values = new object[64];
        do
        {
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
            }
        }
        while (await reader.NextResultAsync());
    }

    /// <summary><paramref name="connections"/> workers sending back to back for the duration; each request's latency in ms, and the rate.</summary>
    private static async Task<(List<double> Latencies, double PerSecond)> RunAsync(int connections, TimeSpan duration, Func<int, Task> send)
    {
        var latencies = new ConcurrentBag<double>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await send(Interlocked.Increment(ref next));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.ToList();
        sorted.Sort();
        return (sorted, sorted.Count / elapsed);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Wraps the app's search so the query a request became is kept (only while capturing: the timed runs pay a flag).</summary>
    private static void Capture(IServiceCollection services, CaptureSwitch capture)
    {
        var original = services.Last(d => d.ServiceType == typeof(IPostingSearch));
        services.Add(ServiceDescriptor.Scoped<IPostingSearch>(sp =>
            new CapturingSearch((IPostingSearch)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), capture)));
    }

    private sealed class CaptureSwitch
    {
        public volatile bool On = true;

        public volatile PostingSearchQuery? Last;
    }

    private sealed class CapturingSearch(IPostingSearch inner, CaptureSwitch capture) : IPostingSearch
    {
        public Task<PostingSearchPage> SearchAsync(PostingSearchQuery query, CancellationToken cancellationToken)
        {
            if (capture.On)
            {
                capture.Last = query;
            }

            return inner.SearchAsync(query, cancellationToken);
        }

        public Task<long> AnnouncedUpToAsync(CancellationToken cancellationToken) => inner.AnnouncedUpToAsync(cancellationToken);
    }
}
