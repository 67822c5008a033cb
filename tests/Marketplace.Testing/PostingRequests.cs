using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Marketplace.Testing;

/// <summary>Requests to the Jobs API that several test projects send.</summary>
public static class PostingRequests
{
    public static object Skill(string skill, bool required = true, int minLevel = 3, int weight = 5, bool dealbreaker = false) =>
        new { skill, required, minLevel, weight, dealbreaker };

    /// <summary>A valid hybrid posting in Berlin; skills are written as the caller gives them (ids or names).</summary>
    public static Dictionary<string, object?> Valid(string[]? required = null, string[]? niceToHave = null, string company = "Acme") => new()
    {
        ["title"] = "Backend developer (C#)",
        ["company"] = company,
        ["description"] = "APIs on .NET and PostgreSQL.",
        ["seniority"] = "Senior",
        ["workMode"] = "Hybrid",
        ["locations"] = new[] { new { city = "Berlin", country = "DE" } },
        ["salary"] = new { min = 60000, max = 80000, currency = "EUR", period = "Year" },
        ["skills"] = (required ?? ["csharp", "postgresql"]).Select(s => Skill(s))
            .Concat((niceToHave ?? ["docker"]).Select(s => Skill(s, required: false, minLevel: 2, weight: 2)))
            .ToArray(),
    };

    public static async Task<JsonElement> PublishAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/postings", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
