using System.Net;
using System.Text.Json;
using Marketplace.Testing;
using Marketplace.Web.Tests.Fuzzing;
using Shouldly;
using Xunit;

namespace Marketplace.Web.Tests.ApiDocument;

/// <summary>
/// /openapi/v1.json describes how to get a token and what each operation demands, truthfully: the scopes it names are
/// the ones the server enforces. It is also saved as artifacts/openapi/v1.json, which build/test.sh lints.
/// </summary>
public sealed class ApiDocumentTests(ApiDocumentTests.Fixture fixture) : IClassFixture<ApiDocumentTests.Fixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task The_document_offers_client_credentials_and_authorization_code_with_pkce()
    {
        var oauth = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");

        oauth.GetProperty("type").GetString().ShouldBe("oauth2");
        var clientCredentials = oauth.GetProperty("flows").GetProperty("clientCredentials");
        clientCredentials.GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        Names(clientCredentials.GetProperty("scopes")).ShouldBe(["applications:read", "jobs:read", "jobs:write"], ignoreOrder: true);
        var code = oauth.GetProperty("flows").GetProperty("authorizationCode");
        code.GetProperty("authorizationUrl").GetString().ShouldBe("/connect/authorize");
        code.GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        code.GetProperty("x-usePkce").GetProperty("hideClientSecretInput").GetBoolean().ShouldBeTrue();
        Names(code.GetProperty("scopes")).ShouldBe(["applications:read", "email", "jobs:read", "jobs:write", "offline_access", "openid", "profile:me", "roles"], ignoreOrder: true);
    }

    [Fact]
    public async Task Each_operation_names_the_scopes_its_policy_demands()
    {
        var operations = Operations(await DocumentAsync());

        operations.Where(o => o.Security == null).Select(o => o.Id).ShouldBe(["SuggestSkills", "SearchPostings"], ignoreOrder: true,
            "only these operations are open to anyone; every other one requires a token");
        operations.Where(o => o.Security != null).ToDictionary(o => o.Id, o => string.Join(' ', o.Security!)).ShouldBe(new Dictionary<string, string>
        {
            ["CreatePosting"] = "jobs:write",
            ["EditPosting"] = "jobs:write",
            ["PublishPosting"] = "jobs:write",
            ["RenewPosting"] = "jobs:write",
            ["ClosePosting"] = "jobs:write",
            ["ListPostings"] = "jobs:read",
            ["GetPosting"] = "jobs:read",
            ["GetMyProfile"] = "profile:me",
            ["SaveMyProfile"] = "profile:me",
            ["ListSkillDemand"] = "",
            ["GetTokenIdentity"] = "",
        }, ignoreOrder: true);
        operations.Single(o => o.Id == "ListSkillDemand").Description.ShouldContain("Admin");
        operations.Single(o => o.Id == "CreatePosting").Description.ShouldContain("Employer");
        operations.Single(o => o.Id == "GetMyProfile").Description.ShouldContain("JobSeeker");
    }

    [Fact]
    public async Task A_token_without_a_scope_the_document_names_is_refused()
    {
        var document = await DocumentAsync();
        var api = new ApiDescription(document);
        var readOnly = await fixture.App.EmployerTokenWithScopesAsync("jobs:read");
        var generator = new MalformedRequests(api, seed: 1);
        var checkedOperations = 0;
        foreach (var (operation, scopes) in api.Operations().Join(Operations(document), o => o.Id, o => o.Id, (o, d) => (o, d.Security)))
        {
            if (scopes is null || scopes.Length == 0 || scopes.SequenceEqual(["jobs:read"]))
            {
                continue;
            }

            using var request = generator.For(operation, null).First().ToMessage(readOnly);
            using var response = await _client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{operation} names {string.Join(' ', scopes)}");
            checkedOperations++;
        }

        checkedOperations.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Each_operation_describes_its_4xx_answers()
    {
        var document = await DocumentAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = Names(operation.Value.GetProperty("responses"));
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Value.TryGetProperty("security", out _))
                {
                    responses.ShouldContain("401", where);
                    responses.ShouldContain("403", where);
                }
                else
                {
                    responses.ShouldNotContain("401", where);
                }

                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    responses.ShouldContain("400", where);
                    responses.ShouldContain("413", where);
                    responses.ShouldContain("415", where);
                }
            }
        }
    }

    [Fact]
    public async Task The_document_names_no_host_taken_from_the_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example";
        using var response = await _client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("attacker.example");
        JsonDocument.Parse(text).RootElement.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("/");
    }

    [Fact]
    public async Task The_document_is_saved_for_the_linter()
    {
        var text = await _client.GetStringAsync("/openapi/v1.json");
        var path = Repository.Artifact("openapi/v1.json");

        await File.WriteAllTextAsync(path, text);

        JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
    }

    private sealed record DocumentedOperation(string Id, string[]? Security, string Description);

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

    private static List<DocumentedOperation> Operations(JsonElement document) =>
    [
        .. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => new DocumentedOperation(
            operation.Value.GetProperty("operationId").GetString()!,
            operation.Value.TryGetProperty("security", out var security)
                ? [.. security.EnumerateArray().SelectMany(requirement => requirement.GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()!))]
                : null,
            operation.Value.TryGetProperty("description", out var description) ? description.GetString()! : ""))),
    ];

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    public sealed class Fixture : MarketplaceFixture
    {
        public override AppOptions AppOptions => new() { BackgroundServer = false };
    }
}
