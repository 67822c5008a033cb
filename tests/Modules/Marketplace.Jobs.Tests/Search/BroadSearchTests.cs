using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Testing;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

/// <summary>
/// Searches that match more postings than a search counts one by one (demo postings, on a database of this class's own):
/// the total stops at the cap and says so, facets say they are approximate and count the sample, relevance ranks the
/// newest matches only and pages through them, and a narrower search is still counted exactly.
/// </summary>
public sealed class BroadSearchTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>, IAsyncLifetime
{
    private const int Demo = 1_500;
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<MarketplaceFixture> Seeded = [];

    private readonly HttpClient _anonymous = fixture.App.CreateClient();

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Seeded.Add(fixture))
            {
                (await JobsDemoData.SeedAsync(fixture.App.Services, Demo, [], publishEvents: false, CancellationToken.None)).ShouldBe(Demo);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_search_matching_more_than_the_cap_says_so_and_its_facets_are_approximate()
    {
        var body = await SearchAsync("sort=Newest");

        body.GetProperty("total").GetInt32().ShouldBe(PostingSearchCaps.Count);
        body.GetProperty("totalCapped").GetBoolean().ShouldBeTrue();
        var facets = body.GetProperty("facets");
        facets.GetProperty("approximate").GetBoolean().ShouldBeTrue();
        facets.GetProperty("workMode").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()).ShouldBe(PostingSearchCaps.FacetSample);
    }

    [Fact]
    public async Task A_narrower_search_is_counted_exactly()
    {
        // The facets leave out the work mode filter, so the skill keeps their base small too.
        var query = "skills=kafka&workMode=Remote&sort=Newest";
        var body = await SearchAsync(query);
        var total = body.GetProperty("total").GetInt32();
        total.ShouldBeInRange(1, PostingSearchCaps.FacetSample - 1);
        body.GetProperty("totalCapped").GetBoolean().ShouldBeFalse();
        body.GetProperty("facets").GetProperty("approximate").GetBoolean().ShouldBeFalse();
        Facet(body, "workMode")["Remote"].ShouldBe(total);
        Facet(body, "seniority").Values.Sum().ShouldBe(total);

        (await AllIdsAsync(query)).Count.ShouldBe(total);
    }

    [Fact]
    public async Task Relevance_ranks_the_newest_matches_and_pages_through_them_once()
    {
        var newest = await AllIdsAsync("q=engineer&sort=Newest");
        newest.Count.ShouldBeGreaterThan(PostingSearchCaps.RelevanceDepth, "the words must match more postings than relevance ranks");

        var ranked = await AllIdsAsync("q=engineer&sort=Relevance");

        ranked.ShouldBeUnique();
        ranked.ShouldBe(newest.Take(PostingSearchCaps.RelevanceDepth), ignoreOrder: true);
        ranked.ShouldNotBe(newest.Take(PostingSearchCaps.RelevanceDepth).ToList(), "relevance orders the top set by rank, not by date");
    }

    [Fact]
    public async Task Relevance_paging_shows_every_posting_of_the_first_pages_top_set_though_newer_ones_are_published_in_between()
    {
        const string query = "q=engineer&sort=Relevance&pageSize=50&facets=false";
        var topSet = (await AllIdsAsync("q=engineer&sort=Newest")).Take(PostingSearchCaps.RelevanceDepth).ToList();
        var first = await SearchAsync(query);
        var seen = first.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        var next = first.GetProperty("next").GetString();
        next.ShouldNotBeNull();

        // Newer matches than the whole top set: ranked among the newest, they would push its oldest out of a later page's set.
        using var employer = fixture.App.CreateClient();
        employer.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.App.EmployerTokenWithScopesAsync("jobs:read", "jobs:write"));
        var published = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            var posting = PostingRequests.Valid();
            posting["title"] = $"Platform engineer {i}";
            published.Add((await employer.PublishAsync(posting)).GetProperty("id").GetGuid());
        }

        while (next is not null)
        {
            var page = await SearchAsync($"{query}&after={next}");
            seen.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").GetString();
        }

        seen.ShouldBeUnique();
        topSet.Except(seen).ShouldBeEmpty("no posting of the top set the first page ranked may be skipped");
        seen.Except(topSet).ShouldBeSubsetOf(published);
    }

    [Fact]
    public async Task The_jobs_page_shows_a_capped_count_with_a_plus_and_says_the_counts_are_approximate()
    {
        var response = await _anonymous.GetAsync("/Jobs?workMode=Remote&workMode=Hybrid&workMode=OnSite");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Razor writes the plus as &#x2B;.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain($"{PostingSearchCaps.Count:#,0}+ jobs");
        html.ShouldContain("data-testid=\"facets-approximate\"");
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await _anonymous.GetAsync($"/api/v1/postings/search?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<Guid>> AllIdsAsync(string query)
    {
        var ids = new List<Guid>();
        string? next = null;
        do
        {
            var page = await SearchAsync($"{query}&pageSize=50&facets=false{(next is null ? "" : "&after=" + next)}");
            ids.AddRange(page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").GetString();
        }
        while (next is not null && ids.Count < 5_000);

        return ids;
    }

    private static Dictionary<string, int> Facet(JsonElement body, string name) =>
        body.GetProperty("facets").GetProperty(name).EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
}
