using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

/// <summary>
/// GET /api/v1/postings/search over a known set of postings: each filter, the words as people type them, skills as they
/// write them, the orders, keyset paging under inserts, facets. Other tests of the class add postings, so every assertion
/// looks at the known set only.
/// </summary>
public sealed class PostingSearchTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>, IAsyncLifetime
{
    private static readonly ConcurrentDictionary<MarketplaceFixture, Lazy<Task<Dictionary<string, Guid>>>> Seeded = new();

    private readonly HttpClient _anonymous = fixture.App.CreateClient();
    private Dictionary<string, Guid> _known = [];

    public async Task InitializeAsync() =>
        _known = await Seeded.GetOrAdd(fixture, f => new Lazy<Task<Dictionary<string, Guid>>>(() => SeedAsync(f))).Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Dictionary<string, Guid>> SeedAsync(MarketplaceFixture fixture)
    {
        var employer = fixture.App.CreateEmployerClient();
        var known = new Dictionary<string, Guid>();
        async Task Add(string key, string title, string seniority, string mode, object[] places, string[] accepted, object salary, params object[] skills)
        {
            var request = PostingRequests.Valid(company: "Searchable Co");
            request["title"] = title;
            request["description"] = $"Posting {key} of the search tests.";
            request["seniority"] = seniority;
            request["workMode"] = mode;
            request["locations"] = places;
            request["acceptedCountries"] = accepted;
            request["salary"] = salary;
            request["skills"] = skills;
            known[key] = (await employer.PublishAsync(request)).GetProperty("id").GetGuid();
        }

        static object Eur(int min, int max) => new { min, max, currency = "EUR", period = "Year" };
        static object Skill(string name, bool required = true) => PostingRequests.Skill(name, required);
        await Add("platform", "Senior Platform Engineer", "Senior", "Remote", [], [], Eur(80_000, 100_000), Skill("Kubernetes"), Skill("Terraform"), Skill("Go", required: false));
        await Add("java", "Backend Developer (Java)", "Mid", "OnSite", [new { city = "Berlin", country = "DE" }], [], Eur(55_000, 70_000), Skill("Java"), Skill("Spring Boot"));
        await Add("go", "Senior Go Engineer", "Senior", "Hybrid", [new { city = "Amsterdam", country = "NL" }], [], Eur(90_000, 110_000), Skill("golang"), Skill("k8s", required: false));
        await Add("dotnet", "Lead .NET Engineer", "Lead", "Remote", [], ["DE", "AT"], new { min = 7000, max = 8500, currency = "EUR", period = "Month" }, Skill("C#"), Skill("ASP.NET Core"));
        await Add("python", "Junior Python Developer", "Junior", "OnSite", [new { city = "London", country = "GB" }], [], new { min = 35000, max = 45000, currency = "GBP", period = "Year" }, Skill("Python"), Skill("Django"));
        await Add("data", "Data Engineer", "Mid", "Remote", [], ["PL"], new { min = 12000, max = 16000, currency = "PLN", period = "Month" }, Skill("Python"), Skill("Apache Spark"));

        // Neither a draft nor a closed posting is ever found.
        var draft = PostingRequests.Valid(["kubernetes"], [], company: "Searchable Co");
        draft["title"] = "Senior Platform Engineer (draft)";
        draft["publish"] = false;
        known["draft"] = (await employer.PublishAsync(draft)).GetProperty("id").GetGuid();
        var closed = PostingRequests.Valid(["kubernetes"], [], company: "Searchable Co");
        closed["title"] = "Senior Platform Engineer (closed)";
        known["closed"] = (await employer.PublishAsync(closed)).GetProperty("id").GetGuid();
        (await employer.PostAsJsonAsync($"/api/v1/postings/{known["closed"]}/close", new { reason = "Filled" })).EnsureSuccessStatusCode();
        return known;
    }

    [Theory]
    [InlineData("platform", "platform")]
    [InlineData("\"platform engineer\"", "platform")]
    [InlineData("\"engineer platform\"", "")]
    // -go leaves out what mentions Go, the skill included: the platform role would like Go.
    [InlineData("engineer -go", "dotnet,data")]
    [InlineData("java or python", "java,python,data")]
    [InlineData("k8s", "platform,go")]
    [InlineData("k8s remote senior", "platform")]
    [InlineData("kubernetes senior -hybrid", "platform")]
    [InlineData("c#", "dotnet")]
    [InlineData("spring boot developer", "java")]
    [InlineData("searchable", "platform,java,go,dotnet,python,data")]
    public async Task Words_match_as_people_type_them(string q, string expected) =>
        (await KnownIdsAsync($"q={Uri.EscapeDataString(q)}")).ShouldBe(Keys(expected), ignoreOrder: true);

    [Theory]
    [InlineData("skills=k8s", "platform,go")]
    [InlineData("skills=Kubernetes,%20Terraform", "platform")]
    [InlineData("skills=python", "python,data")]
    [InlineData("workMode=Remote", "platform,dotnet,data")]
    [InlineData("workMode=Remote&workMode=Hybrid", "platform,go,dotnet,data")]
    [InlineData("workMode=onsite", "java,python")]
    [InlineData("seniority=Senior", "platform,go")]
    [InlineData("seniority=Senior&seniority=Lead", "platform,go,dotnet")]
    [InlineData("country=DE", "platform,java,dotnet")]
    [InlineData("country=nl", "platform,go")]
    [InlineData("country=PL", "platform,data")]
    [InlineData("minSalary=90000&currency=EUR", "platform,go,dotnet")]
    [InlineData("minSalary=40000&currency=GBP", "python")]
    [InlineData("minSalary=150000&currency=PLN", "data")]
    [InlineData("q=engineer&workMode=Remote&seniority=Senior&country=DE", "platform")]
    public async Task Each_filter_keeps_what_it_says(string query, string expected) =>
        (await KnownIdsAsync(query)).ShouldBe(Keys(expected), ignoreOrder: true);

    [Fact]
    public async Task An_unknown_skill_is_a_400_that_names_it()
    {
        var response = await _anonymous.GetAsync("/api/v1/postings/search?skills=k8s,Kubernetz");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe(["skills"]);
        problem.GetProperty("errors").GetProperty("skills")[0].GetString()!.ShouldContain("Kubernetz");
    }

    [Theory]
    [InlineData("minSalary=50000", "currency")]
    [InlineData("workMode=Moon", "workMode[0]")]
    [InlineData("country=XX", "country")]
    [InlineData("postedWithin=2", "postedWithin")]
    [InlineData("sort=best", "sort")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task Bad_search_input_is_a_400_naming_the_field(string query, string field)
    {
        var problem = await (await _anonymous.GetAsync($"/api/v1/postings/search?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe([field]);
    }

    [Fact]
    public async Task The_newest_come_first_and_salary_orders_by_yearly_top_within_the_currency()
    {
        var newest = await KnownIdsAsync("sort=Newest", ordered: true);
        newest.ShouldBe(Keys("data,python,dotnet,go,java,platform"));

        var bySalary = await KnownIdsAsync("sort=Salary&currency=EUR", ordered: true);
        // Yearly tops: go 110k, dotnet 8.5k x 12 = 102k, platform 100k, java 70k; then the other currencies.
        bySalary.Take(4).ShouldBe(Keys("go,dotnet,platform,java"));
        bySalary.Skip(4).ShouldBe(Keys("python,data"), ignoreOrder: true);
    }

    [Fact]
    public async Task Relevance_puts_a_posting_that_requires_the_skill_above_one_that_would_like_it()
    {
        var ranked = await KnownIdsAsync("q=kubernetes&sort=Relevance", ordered: true);

        ranked.ShouldBe(Keys("platform,go"));
    }

    [Fact]
    public async Task Results_carry_what_a_card_shows_and_facets_count_each_value_without_its_own_filter()
    {
        var body = await SearchAsync("q=searchable&workMode=Remote");

        var platform = Results(body).Single(r => r.GetProperty("id").GetGuid() == _known["platform"]);
        platform.GetProperty("salary").GetProperty("currency").GetString().ShouldBe("EUR");
        platform.GetProperty("workMode").GetString().ShouldBe("Remote");
        platform.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["Kubernetes", "Terraform", "Go"]);

        body.GetProperty("total").GetInt32().ShouldBe(3);
        var modes = Facet(body, "workMode");
        (modes["Remote"], modes["Hybrid"], modes["OnSite"]).ShouldBe((3, 1, 2));
        var seniorities = Facet(body, "seniority");
        (seniorities["Senior"], seniorities["Lead"], seniorities["Mid"], seniorities["Junior"]).ShouldBe((1, 1, 1, 0));
        var skills = Facet(body, "skills");
        skills["python"].ShouldBe(1);
        skills.ShouldNotContainKey("java");
        body.GetProperty("interpreted").GetProperty("skills").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_search_says_which_skills_it_read_in_the_words()
    {
        var body = await SearchAsync("q=k8s%20remote");

        body.GetProperty("interpreted").GetProperty("skillsInText").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()).ShouldBe(["kubernetes"]);
    }

    [Fact]
    public async Task Keyset_pages_stay_put_while_postings_are_published_in_between()
    {
        var employer = fixture.App.CreateEmployerClient();
        async Task<Guid> PublishAsync(string title)
        {
            var request = PostingRequests.Valid(["elixir"], [], company: "Pager Ltd");
            request["title"] = title;
            return (await employer.PublishAsync(request)).GetProperty("id").GetGuid();
        }

        var first = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await PublishAsync($"Elixir pager {i}"));
        }

        foreach (var sort in new[] { "Newest", "Relevance", "Salary" })
        {
            var seen = new List<Guid>();
            var page = await SearchAsync($"q=pager&skills=elixir&sort={sort}&pageSize=2&facets=false");
            seen.AddRange(Results(page).Select(r => r.GetProperty("id").GetGuid()));
            var inserted = await PublishAsync($"Elixir pager inserted during {sort}");
            while (page.GetProperty("next").GetString() is { } next)
            {
                page = await SearchAsync($"q=pager&skills=elixir&sort={sort}&pageSize=2&facets=false&after={next}");
                seen.AddRange(Results(page).Select(r => r.GetProperty("id").GetGuid()));
            }

            seen.ShouldBeUnique();
            seen.Where(first.Contains).Count().ShouldBe(first.Count, $"sorted by {sort}, every posting there before the first page is seen once");
            if (sort == "Newest")
            {
                seen.ShouldNotContain(inserted, "a posting newer than the first page lands before it, not in a later page");
            }

            first.Add(inserted);
        }
    }

    [Fact]
    public async Task Posted_within_leaves_out_older_postings()
    {
        var request = PostingRequests.Valid(["haskell"], [], company: "Old Postings Inc");
        request["title"] = "Haskell developer from last month";
        var old = (await fixture.App.CreateEmployerClient().PublishAsync(request)).GetProperty("id").GetGuid();
        await fixture.App.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().Postings.Where(p => p.Id == old)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, DateTimeOffset.UtcNow.AddDays(-10))));

        (await IdsAsync("skills=haskell")).ShouldContain(old);
        (await IdsAsync("skills=haskell&postedWithin=7")).ShouldNotContain(old);
        (await IdsAsync("skills=haskell&postedWithin=14")).ShouldContain(old);
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await _anonymous.GetAsync($"/api/v1/postings/search?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> Results(JsonElement body) => body.GetProperty("results").EnumerateArray();

    private static Dictionary<string, int> Facet(JsonElement body, string name) =>
        body.GetProperty("facets").GetProperty(name).EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());

    private async Task<List<Guid>> IdsAsync(string query) => [.. Results(await SearchAsync($"{query}&pageSize=50&facets=false")).Select(r => r.GetProperty("id").GetGuid())];

    /// <summary>The known postings among the results, in the order the search gave them.</summary>
    private async Task<List<Guid>> KnownIdsAsync(string query, bool ordered = false)
    {
        var ids = await IdsAsync(query);
        var known = _known.Values.ToHashSet();
        return [.. ids.Where(known.Contains)];
    }

    private List<Guid> Keys(string keys) => [.. keys.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => _known[k])];
}
