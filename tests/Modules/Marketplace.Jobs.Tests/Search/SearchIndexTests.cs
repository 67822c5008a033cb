using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Infrastructure;
using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

/// <summary>
/// The in-process search index against the SQL it replaced: a second host on the same database searches with PostgreSQL
/// alone ("PostgreSql"), and every page of every search (demo postings, few enough that facets count every match) must
/// come back the same: the same postings in the same order, totals, facets and page links (which carry the rank). Then the
/// index's change feed: what another transaction commits is found by the next search, however long it was open.
/// </summary>
public sealed class SearchIndexTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>, IAsyncLifetime
{
    private const int Demo = 450;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<MarketplaceFixture, MarketplaceApp> SqlHosts = [];

    private MarketplaceApp _sql = null!;

    public static TheoryData<string> Searches =>
    [
        "q=k8s+remote+senior", "q=backend", "q=%22platform+engineer%22", "q=java+-spring", "q=golang&workMode=Remote",
        "skills=postgres,k8s", "skills=C%23&seniority=Senior", "q=python&country=DE", "q=data+engineer&minSalary=60000&currency=EUR",
        "q=.NET&sort=Newest", "q=rust&sort=Salary", "skills=kafka&postedWithin=7", "q=api&workMode=Hybrid&seniority=Mid",
        "q=lead+engineer&minSalary=90000&currency=EUR", "skills=terraform,aws&workMode=Remote", "q=node+typescript",
        "q=site+reliability", "q=devops+-azure", "skills=spring+boot&country=PL", "q=machine+learning",
        "seniority=Senior&workMode=Remote", "q=embedded+c%2B%2B", "skills=sql+server&sort=Newest", "q=microservices&postedWithin=30",
        "q=the", "q=-java", "q=python+or+golang+or+rust", "q=%22the+platform+team%22", "q=engineer&sort=Salary&currency=USD",
        "country=DE&sort=Salary", "q=senior+-remote", "q=asp.net+core", "sort=Relevance", "postedWithin=1",
        "workMode=OnSite&workMode=Hybrid&seniority=Junior&seniority=Mid", "q=data&minSalary=100000&currency=USD&sort=Salary",
        "q=engineer&sort=Newest&postedWithin=14", "q=-engineer+-developer", "q=kubernetes+or+-python",
    ];

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!SqlHosts.TryGetValue(fixture, out var sql))
            {
                (await JobsDemoData.SeedAsync(fixture.App.Services, Demo, [], publishEvents: false, CancellationToken.None)).ShouldBe(Demo);
                sql = fixture.StartApp(new AppOptions
                {
                    BackgroundServer = false,
                    Settings = new Dictionary<string, string?> { [JobsModule.SearchEngineSetting] = "PostgreSql" },
                });
                SqlHosts[fixture] = sql;
            }

            _sql = sql;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_two_hosts_search_differently()
    {
        (await fixture.App.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IPostingSearch>().GetType().Name))).ShouldBe("IndexedPostingSearch");
        (await _sql.InScopeAsync(s => Task.FromResult(s.GetRequiredService<IPostingSearch>().GetType().Name))).ShouldBe("PostgresPostingSearch");
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task The_index_answers_every_page_as_PostgreSQL_does(string search)
    {
        var fromIndex = fixture.App.CreateClient();
        var fromSql = _sql.CreateClient();
        string? next = null;
        var pages = 0;
        var seen = 0;
        do
        {
            var url = $"/api/v1/postings/search?{search}&pageSize=9" + (next is null ? "" : "&after=" + Uri.EscapeDataString(next));
            var expected = await fromSql.GetFromJsonAsync<JsonElement>(url);
            var actual = await fromIndex.GetFromJsonAsync<JsonElement>(url);

            var ids = Ids(actual);
            ids.ShouldBe(Ids(expected), $"page {pages + 1} of {search}");
            Text(actual, "total").ShouldBe(Text(expected, "total"), search);
            Text(actual, "totalCapped").ShouldBe(Text(expected, "totalCapped"), search);
            Text(actual, "facets").ShouldBe(Text(expected, "facets"), search);
            Text(actual, "next").ShouldBe(Text(expected, "next"), $"the page link after page {pages + 1} of {search}");
            next = actual.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            seen += ids.Count;
            pages++;
        }
        while (next is not null && pages < 6);

        if (search is "q=backend" or "q=-java" or "sort=Relevance")
        {
            seen.ShouldBeGreaterThan(9, "a broad search pages, or the comparison reads one page only");
        }
    }

    [Fact]
    public async Task A_change_committed_by_a_transaction_open_across_searches_is_found_by_the_next_search()
    {
        var client = fixture.App.CreateClient();
        var any = Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest&pageSize=1"))[0];
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("UPDATE jobs.postings SET title = 'Zymurgist' WHERE id = @id", connection, transaction))
        {
            update.Parameters.AddWithValue("id", any);
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        // The index reads the feed while the transaction is open (and moves past it), then again after it commits.
        Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?q=zymurgist")).ShouldBeEmpty();
        await using (var other = new NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await other.OpenAsync();
            await new NpgsqlCommand("SELECT 1", other).ExecuteScalarAsync();
        }

        Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?q=zymurgist")).ShouldBeEmpty();
        await transaction.CommitAsync();

        Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?q=zymurgist")).ShouldBe([any]);
        Ids(await _sql.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/postings/search?q=zymurgist")).ShouldBe([any]);
    }

    [Fact]
    public async Task Searches_sent_together_right_after_a_commit_all_see_it()
    {
        // Searches that arrive together share one read of the feed; each must still be served by a read that began after it arrived.
        var client = fixture.App.CreateClient();
        var postings = Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest&pageSize=24"));
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();

        // Other searches keep a read of the feed in flight, begun before the commit, when the searches after it arrive.
        using var done = new CancellationTokenSource();
        var background = Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!done.IsCancellationRequested)
            {
                await client.GetAsync("/api/v1/postings/search?q=backend");
            }
        }));
        for (var round = 0; round < postings.Count; round++)
        {
            var word = $"quokka{round}";
            await using (var rename = new NpgsqlCommand($"UPDATE jobs.postings SET title = '{word} wrangler' WHERE id = @id", connection))
            {
                rename.Parameters.AddWithValue("id", postings[round]);
                (await rename.ExecuteNonQueryAsync()).ShouldBe(1);
            }

            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/search?q={word}")));
            answers.Select(a => Ids(a).SingleOrDefault()).ShouldAllBe(id => id == postings[round], $"round {round}");
        }

        await done.CancelAsync();
        await background;
    }

    [Fact]
    public async Task A_posting_withdrawn_by_SQL_leaves_the_index_at_the_next_search()
    {
        var client = fixture.App.CreateClient();
        var newest = Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest&pageSize=3"));
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var close = new NpgsqlCommand("UPDATE jobs.postings SET status = 'Closed' WHERE id = @id", connection))
        {
            close.Parameters.AddWithValue("id", newest[1]);
            (await close.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        try
        {
            Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest&pageSize=2")).ShouldBe([newest[0], newest[2]]);
        }
        finally
        {
            await using var reopen = new NpgsqlCommand("UPDATE jobs.postings SET status = 'Published' WHERE id = @id", connection);
            reopen.Parameters.AddWithValue("id", newest[1]);
            await reopen.ExecuteNonQueryAsync();
        }

        Ids(await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest&pageSize=3")).ShouldBe(newest);
    }

    private static List<Guid> Ids(JsonElement body) => [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];

    private static string Text(JsonElement body, string property) => body.TryGetProperty(property, out var value) ? value.GetRawText() : "(absent)";
}
