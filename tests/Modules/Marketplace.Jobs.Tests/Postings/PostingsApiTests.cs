using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Testing;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

public sealed class PostingsApiTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    private readonly HttpClient _client = fixture.App.CreateEmployerClient();

    [Fact]
    public async Task A_published_posting_is_stored_and_can_be_read_back()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid(["csharp", "kafka"], ["redis"], company: "Northwind"));

        var id = created.GetProperty("id").GetGuid();
        var read = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}");
        read.GetProperty("company").GetString().ShouldBe("Northwind");
        read.GetProperty("seniority").GetString().ShouldBe("Senior");
        read.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetProperty("skillId").GetString()).ShouldBe(["csharp", "kafka"]);
        read.GetProperty("niceToHaveSkills")[0].GetProperty("skillId").GetString().ShouldBe("redis");
        read.GetProperty("salary").GetProperty("currency").GetString().ShouldBe("EUR");
        read.GetProperty("version").GetUInt32().ShouldBeGreaterThan(0u);
    }

    [Fact]
    public async Task Bad_input_gets_400_problem_details_naming_each_bad_field()
    {
        var request = new
        {
            title = "",
            company = "Acme",
            seniority = "Wizard",
            workMode = "OnSite",
            salary = new { min = 90000, max = 50000, currency = "EURO" },
            requiredSkills = new[] { new { skillId = "c sharp", minLevel = 9, weight = 0 } },
        };

        var problem = await (await _client.PostAsJsonAsync("/api/v1/postings", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe(
            ["title", "seniority", "location", "salary.max", "salary.currency", "requiredSkills[0].skillId", "requiredSkills[0].minLevel", "requiredSkills[0].weight"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_gets_400_naming_the_field()
    {
        var body = """{"title":"x","company":"y","seniority":"Mid","workMode":"Remote","requiredSkills":[{"skillId":"go","minLevel":"three","weight":1}]}""";

        var response = await _client.PostAsync("/api/v1/postings", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe(["requiredSkills[0].minLevel"]);
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details()
    {
        var response = await _client.PostAsync("/api/v1/postings", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_posting_gets_404_problem_details()
    {
        var id = Guid.NewGuid();

        var problem = await (await _client.GetAsync($"/api/v1/postings/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain(id.ToString());

        var edit = await _client.PutAsJsonAsync($"/api/v1/postings/{id}", Edit(PostingRequests.Valid(), version: 1));
        await edit.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_edit_at_the_current_version_is_stored_and_moves_the_version()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();
        var changes = PostingRequests.Valid(["go"], []);
        changes["title"] = "Go developer";

        var response = await _client.PutAsJsonAsync($"/api/v1/postings/{id}", Edit(changes, version));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>();
        edited.GetProperty("title").GetString().ShouldBe("Go developer");
        edited.GetProperty("requiredSkills").GetArrayLength().ShouldBe(1);
        edited.GetProperty("version").GetUInt32().ShouldNotBe(version);
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_gets_409_and_changes_nothing()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();
        var first = PostingRequests.Valid();
        first["title"] = "First edit";
        (await _client.PutAsJsonAsync($"/api/v1/postings/{id}", Edit(first, version))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = PostingRequests.Valid();
        second["title"] = "Second edit, from the old version";
        var stale = await _client.PutAsJsonAsync($"/api/v1/postings/{id}", Edit(second, version));

        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}")).GetProperty("title").GetString().ShouldBe("First edit");
    }

    [Fact]
    public async Task Concurrent_edits_of_the_same_version_let_exactly_one_win_and_the_others_get_409()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetUInt32();

        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
        {
            var changes = PostingRequests.Valid();
            changes["title"] = $"Edit {i}";
            return fixture.App.CreateEmployerClient().PutAsJsonAsync($"/api/v1/postings/{id}", Edit(changes, version));
        }));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var stored = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}");
        stored.GetProperty("title").GetString().ShouldBe(winner.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_edit_without_a_version_gets_400_naming_the_version()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());

        var response = await _client.PutAsJsonAsync($"/api/v1/postings/{created.GetProperty("id").GetGuid()}", Edit(PostingRequests.Valid(), version: 0));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["version"]);
    }

    private static Dictionary<string, object?> Edit(Dictionary<string, object?> posting, uint version) =>
        new(posting) { ["version"] = version };
}
