using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Fuzzing;

/// <summary>
/// Reads the app's own OpenAPI document and sends every operation malformed requests, each with a token the operation
/// accepts, over a real socket: no answer may be a 5xx, and every 4xx is ProblemDetails. A new operation is fuzzed as
/// soon as it is in the document; give it a <see cref="Seeds"/> entry when a well-formed request needs more than its
/// schema says (an existing id, a body the validators accept), so the fuzzing reaches past the first check.
/// </summary>
public sealed class MalformedRequestTests(MalformedRequestTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<MalformedRequestTests.Fixture>
{
    private const int MinimumRequests = 1_000;
    private const string RefusedByDatabase = "400 (refused by PostgreSQL: no validator checked the value)";

    [Fact]
    public async Task No_malformed_request_to_any_operation_of_the_openapi_document_gets_a_5xx()
    {
        var app = fixture.App;
        using var http = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        var api = new ApiDescription(document);
        var operations = api.Operations();
        operations.ShouldNotBeEmpty();
        string[] tokens = [await app.EmployerTokenAsync(), await app.AdminTokenAsync(), await app.JobSeekerTokenAsync()];
        var seeds = await SeedsAsync(http, tokens[0]);
        var generator = new MalformedRequests(api, seed: 20261201);

        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var unreachable = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            var requests = generator.For(operation, seeds.GetValueOrDefault(operation.Id)).ToList();
            var token = await TokenAcceptedByAsync(http, requests[0], tokens);
            if (token is null)
            {
                unreachable.Add($"{operation}: every token got 401 or 403; add a seed (and a persona) that reaches it");
                continue;
            }

            foreach (var request in requests)
            {
                var (status, problem) = await SendAsync(http, request, token);
                sent++;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status.StartsWith('5') || status is "no answer" or RefusedByDatabase)
                {
                    failures.Add($"{status} for {operation} {request}");
                }
                else if (status.StartsWith('4') && !problem)
                {
                    failures.Add($"{status} without ProblemDetails for {operation} {request}");
                }
            }
        }

        var summary = $"fuzz: {sent} malformed requests to {operations.Count} operations; answers by status: " +
            string.Join(", ", byStatus.Select(s => $"{s.Key} x{s.Value}"));
        output.WriteLine(summary);
        failures.ForEach(output.WriteLine);
        await File.WriteAllTextAsync(Repository.Artifact("fuzz/summary.txt"), summary + Environment.NewLine);

        unreachable.ShouldBeEmpty();
        failures.ShouldBeEmpty(summary);
        sent.ShouldBeGreaterThanOrEqualTo(MinimumRequests, summary);
    }

    /// <summary>Well-formed requests the schema cannot make up, by operation id.</summary>
    private static async Task<Dictionary<string, Seed>> SeedsAsync(HttpClient http, string employerToken)
    {
        using var publish = new HttpRequestMessage(HttpMethod.Post, "/api/v1/postings") { Content = JsonContent.Create(PostingRequests.Valid()) };
        publish.Headers.Authorization = new("Bearer", employerToken);
        using var published = await http.SendAsync(publish);
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var posting = await published.Content.ReadFromJsonAsync<JsonElement>();
        var postingPath = new Dictionary<string, string> { ["id"] = posting.GetProperty("id").GetString()! };
        var edit = JsonSerializer.SerializeToNode(PostingRequests.Valid())!.AsObject();
        edit["version"] = posting.GetProperty("version").GetUInt32();
        return new Dictionary<string, Seed>
        {
            ["PublishPosting"] = new(Body: JsonSerializer.SerializeToNode(PostingRequests.Valid())),
            ["EditPosting"] = new(Body: edit, Path: postingPath),
            ["GetPosting"] = new(Path: postingPath),
        };
    }

    /// <summary>The first token the operation lets through with its well-formed request, so the fuzzing gets past authorization.</summary>
    private static async Task<string?> TokenAcceptedByAsync(HttpClient http, FuzzRequest wellFormed, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            var (status, _) = await SendAsync(http, wellFormed, token);
            if (status is not ("401" or "403"))
            {
                return token;
            }
        }

        return null;
    }

    private static async Task<(string Status, bool Problem)> SendAsync(HttpClient http, FuzzRequest request, string token)
    {
        using var message = request.ToMessage(token);
        try
        {
            using var response = await http.SendAsync(message);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = await response.Content.ReadAsByteArrayAsync();
            // The app answers every empty 4xx with ProblemDetails (status code pages): an empty one is Kestrel's own,
            // refusing a request line it cannot parse (a NUL in the path) before the app sees it.
            if (response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0 && response.Content.Headers.ContentType is null)
            {
                return ("400 (refused by Kestrel)", true);
            }

            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            // The host's last line of defence turns a value PostgreSQL refuses into a 400; here it is a missing validator.
            return problem && body.AsSpan().IndexOf("\"value_out_of_range\""u8) >= 0 ? (RefusedByDatabase, true) : (status, problem);
        }
        catch (HttpRequestException) when (request.Kind.Contains("over the body limit", StringComparison.Ordinal))
        {
            // Kestrel may close the connection on a body over the limit before the client has sent it all.
            return ("413 (connection closed)", true);
        }
        catch (HttpRequestException)
        {
            return ("no answer", false);
        }
    }

    public sealed class Fixture : MarketplaceFixture
    {
        public override AppOptions AppOptions => new() { BackgroundServer = false, Kestrel = true };
    }
}
