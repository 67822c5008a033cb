using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

public sealed class PostingsApiTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    private readonly HttpClient _client = fixture.App.CreateEmployerClient();

    [Fact]
    public async Task A_published_posting_is_stored_with_its_skills_resolved_and_can_be_read_back()
    {
        var request = PostingRequests.Valid(["C#", "k8s"], ["Redis"], company: "Northwind");
        var created = await _client.PublishAsync(request);

        created.GetProperty("status").GetString().ShouldBe("Published");
        var id = created.GetProperty("id").GetGuid();
        var read = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}");
        read.GetProperty("company").GetString().ShouldBe("Northwind");
        read.GetProperty("seniority").GetString().ShouldBe("Senior");
        read.GetProperty("skills").EnumerateArray().Select(s => (s.GetProperty("skillId").GetString(), s.GetProperty("required").GetBoolean()))
            .ShouldBe([("csharp", true), ("kubernetes", true), ("redis", false)]);
        read.GetProperty("skills")[1].GetProperty("name").GetString().ShouldBe("Kubernetes");
        read.GetProperty("salary").GetProperty("period").GetString().ShouldBe("Year");
        read.GetProperty("locations")[0].GetProperty("countryName").GetString().ShouldBe("Germany");
        read.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(read.GetProperty("publishedAt").GetDateTimeOffset().AddDays(30));
        read.GetProperty("version").GetInt32().ShouldBe(created.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_skill_gets_400_naming_it_and_nothing_is_stored()
    {
        var request = PostingRequests.Valid(["csharp", "Kubernetz"]);
        request["title"] = "Never stored";

        var response = await _client.PostAsJsonAsync("/api/v1/postings", request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe(["skills[1].skill"]);
        problem.GetProperty("errors").GetProperty("skills[1].skill")[0].GetString()!.ShouldContain("Kubernetz");
        (await CountAsync(p => p.Title == "Never stored")).ShouldBe(0);
    }

    [Fact]
    public async Task A_skill_named_twice_under_two_aliases_is_reported_once_under_the_later_one()
    {
        var request = PostingRequests.Valid(["Kubernetes"], ["k8s"]);

        var problem = await (await _client.PostAsJsonAsync("/api/v1/postings", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe(["skills[1].skill"]);
    }

    [Fact]
    public async Task Bad_input_gets_400_problem_details_naming_each_bad_field_as_the_client_sent_it()
    {
        var request = new
        {
            title = "",
            company = "Acme",
            seniority = "Wizard",
            workMode = "OnSite",
            salary = new { min = 90000, max = 50000, currency = "EURO", period = "Year" },
            skills = new[] { new { skill = "csharp", required = true, minLevel = 9, weight = 0 } },
        };

        var problem = await (await _client.PostAsJsonAsync("/api/v1/postings", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Shape first (the validator): the enumeration and the currency's format.
        problem.ErrorFields().ShouldBe(["seniority", "salary.currency"], ignoreOrder: true);

        var shaped = new
        {
            title = "",
            company = "Acme",
            seniority = "Senior",
            workMode = "OnSite",
            salary = new { min = 90000, max = 50000, currency = "EUR", period = "Year" },
            skills = new[] { new { skill = "csharp", required = true, minLevel = 9, weight = 0 } },
        };
        var invariants = await (await _client.PostAsJsonAsync("/api/v1/postings", shaped)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Then what a posting must be (the domain), each rule named once.
        invariants.ErrorFields().ShouldBe(["title", "salary.max", "locations", "skills[0].minLevel", "skills[0].weight"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_salary_range_is_required()
    {
        var request = PostingRequests.Valid();
        request.Remove("salary");

        var problem = await (await _client.PostAsJsonAsync("/api/v1/postings", request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ErrorFields().ShouldBe(["salary"]);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_gets_400_naming_the_field()
    {
        var body = """{"title":"x","company":"y","seniority":"Mid","workMode":"Remote","skills":[{"skill":"go","minLevel":"three","weight":1}]}""";

        var response = await _client.PostAsync("/api/v1/postings", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorFields().ShouldBe(["skills[0].minLevel"]);
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
        await (await _client.PostAsync($"/api/v1/postings/{id}/renew", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_edit_at_the_current_version_answers_the_stored_posting_and_moves_the_version()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        var changes = PostingRequests.Valid(["golang"], []);
        changes["title"] = "Go developer";

        var response = await _client.PutAsJsonAsync($"/api/v1/postings/{id}", Edit(changes, version));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>();
        edited.GetProperty("title").GetString().ShouldBe("Go developer");
        edited.GetProperty("skills").GetArrayLength().ShouldBe(1);
        edited.GetProperty("version").GetInt32().ShouldBe(version + 1);
        (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/postings/{id}")).GetProperty("version").GetInt32().ShouldBe(version + 1);
    }

    [Fact]
    public async Task An_edit_at_a_stale_version_gets_409_and_changes_nothing()
    {
        var created = await _client.PublishAsync(PostingRequests.Valid());
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
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
        var version = created.GetProperty("version").GetInt32();

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

    [Fact]
    public async Task A_draft_is_published_renewed_and_closed_through_the_api_and_each_step_makes_its_event()
    {
        var request = PostingRequests.Valid(["rust"], []);
        request["publish"] = false;
        var draft = await _client.PublishAsync(request);
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        var id = draft.GetProperty("id").GetGuid();
        (await EventTypesAsync(id)).ShouldBeEmpty();

        var published = await ActAsync(id, "publish", new { version = draft.GetProperty("version").GetInt32() });
        published.GetProperty("status").GetString().ShouldBe("Published");
        var again = await _client.PostAsJsonAsync($"/api/v1/postings/{id}/publish", new { });
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("posting.not_draft");

        var renewed = await ActAsync(id, "renew", new { });
        renewed.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(published.GetProperty("expiresAt").GetDateTimeOffset());

        var noReason = await _client.PostAsJsonAsync($"/api/v1/postings/{id}/close", new { });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldBe(["reason"]);
        var closed = await ActAsync(id, "close", new { reason = "Filled" });
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("closingReason").GetString().ShouldBe("Filled");

        (await EventTypesAsync(id)).ShouldBe(["jobs.posting-published", "jobs.posting-changed", "jobs.posting-closed"]);
        var closing = await PayloadAsync<PostingClosed>(id);
        closing.GetProperty("reason").GetString().ShouldBe("Filled");
        var posting = closing.GetProperty("posting");
        posting.GetProperty("status").GetString().ShouldBe("Closed");
        posting.GetProperty("revision").GetInt32().ShouldBe(closed.GetProperty("version").GetInt32());
        posting.GetProperty("skills")[0].GetProperty("skillId").GetString().ShouldBe("rust");
        posting.GetProperty("salary").GetProperty("yearlyMax").GetDecimal().ShouldBe(80000m);
    }

    [Fact]
    public async Task The_published_event_carries_what_matching_needs()
    {
        var request = PostingRequests.Valid([], []);
        request["workMode"] = "Remote";
        request["locations"] = Array.Empty<object>();
        request["acceptedCountries"] = new[] { "de", "NL" };
        request["salary"] = new { min = 5000, max = 6500, currency = "eur", period = "Month" };
        request["skills"] = new[] { PostingRequests.Skill("Kubernetes", minLevel: 4, weight: 9, dealbreaker: true), PostingRequests.Skill("terraform", required: false) };
        var created = await _client.PublishAsync(request);

        var posting = (await PayloadAsync<PostingPublished>(created.GetProperty("id").GetGuid())).GetProperty("posting");

        posting.GetProperty("workMode").GetString().ShouldBe("Remote");
        posting.GetProperty("acceptedCountries").EnumerateArray().Select(c => c.GetString()).ShouldBe(["DE", "NL"]);
        posting.GetProperty("seniority").GetString().ShouldBe("Senior");
        var salary = posting.GetProperty("salary");
        (salary.GetProperty("currency").GetString(), salary.GetProperty("period").GetString(), salary.GetProperty("yearlyMin").GetDecimal())
            .ShouldBe(("EUR", "Month", 60000m));
        var skill = posting.GetProperty("skills")[0];
        (skill.GetProperty("skillId").GetString(), skill.GetProperty("minLevel").GetInt32(), skill.GetProperty("weight").GetInt32(),
            skill.GetProperty("required").GetBoolean(), skill.GetProperty("dealbreaker").GetBoolean()).ShouldBe(("kubernetes", 4, 9, true, true));
        posting.GetProperty("skills")[1].GetProperty("weight").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task A_draft_is_invisible_to_others_and_only_the_owner_may_change_a_posting()
    {
        var request = PostingRequests.Valid();
        request["publish"] = false;
        var draft = await _client.PublishAsync(request);
        var id = draft.GetProperty("id").GetGuid();

        var admin = fixture.App.CreateAdminClient();
        (await admin.GetAsync($"/api/v1/postings/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = await OtherEmployerAsync();
        (await other.GetAsync($"/api/v1/postings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/postings/{id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await ActAsync(id, "publish", new { });
        (await other.GetAsync($"/api/v1/postings/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.PostAsJsonAsync($"/api/v1/postings/{id}/close", new { reason = "Withdrawn" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<HttpClient> OtherEmployerAsync() => fixture.App.CreateEmployerClientAsync("other.employer@example.com");

    private async Task<JsonElement> ActAsync(Guid id, string action, object body)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/postings/{id}/{action}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Marketplace.Jobs.Domain.Postings.JobPosting, bool>> predicate) =>
        fixture.App.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().Postings.CountAsync(predicate));

    private Task<List<string>> EventTypesAsync(Guid postingId) => fixture.App.InScopeAsync(async services =>
        (await services.GetRequiredService<JobsDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredAt).ToListAsync())
            .Where(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("posting").GetProperty("postingId").GetGuid() == postingId)
            .Select(m => m.Type)
            .ToList());

    /// <summary>The payload of the posting's event stored under the name <typeparamref name="TEvent"/>'s attribute gives.</summary>
    private async Task<JsonElement> PayloadAsync<TEvent>(Guid postingId) => await fixture.App.InScopeAsync(async services =>
        (await services.GetRequiredService<JobsDbContext>().OutboxMessages.AsNoTracking().ToListAsync())
            .Where(m => m.Type == IntegrationEventAttribute.NameOf(typeof(TEvent)))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement)
            .Single(p => p.GetProperty("posting").GetProperty("postingId").GetGuid() == postingId));

    private static Dictionary<string, object?> Edit(Dictionary<string, object?> posting, int version) =>
        new(posting) { ["version"] = version };
}
