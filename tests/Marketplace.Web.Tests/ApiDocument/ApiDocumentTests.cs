using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Infrastructure.Hardening;
using Marketplace.Testing;
using Marketplace.Web.Tests.Fuzzing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
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
        Names(clientCredentials.GetProperty("scopes")).ShouldBe(["applications:read", "applications:write", "candidates:read", "candidates:write", "jobs:read", "jobs:write"], ignoreOrder: true);
        var code = oauth.GetProperty("flows").GetProperty("authorizationCode");
        code.GetProperty("authorizationUrl").GetString().ShouldBe("/connect/authorize");
        code.GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");
        code.GetProperty("x-usePkce").GetProperty("hideClientSecretInput").GetBoolean().ShouldBeTrue();
        Names(code.GetProperty("scopes")).ShouldBe(["applications:read", "applications:write", "candidates:read", "candidates:write", "email", "jobs:read", "jobs:write", "offline_access", "openid", "profile:me", "roles"], ignoreOrder: true);
    }

    [Fact]
    public async Task Each_operation_names_the_scopes_its_policy_demands()
    {
        var operations = Operations(await DocumentAsync());

        operations.Where(o => o.Security == null).ShouldBeEmpty("every operation states its security (Redocly's security-defined rule)");
        operations.Where(o => o.Open).Select(o => o.Id).ShouldBe(["SuggestSkills", "SearchPostings"], ignoreOrder: true,
            "only these operations are open to anyone; every other one requires a token");
        operations.Where(o => !o.Open).ToDictionary(o => o.Id, o => string.Join(' ', o.Security!)).ShouldBe(new Dictionary<string, string>
        {
            ["CreatePosting"] = "jobs:write",
            ["EditPosting"] = "jobs:write",
            ["PublishPosting"] = "jobs:write",
            ["RenewPosting"] = "jobs:write",
            ["ClosePosting"] = "jobs:write",
            ["ListPostings"] = "jobs:read",
            ["GetPosting"] = "jobs:read",
            ["ListApplications"] = "applications:read",
            ["ChangeApplicationStage"] = "applications:write",
            ["ListCandidates"] = "candidates:read",
            ["ListContactRequests"] = "candidates:read",
            ["RequestCandidateContact"] = "candidates:write",
            ["ListMyMatches"] = "profile:me",
            ["ExplainMyMatch"] = "profile:me",
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
                // An operation open to anyone states one requirement that names no scheme.
                if (operation.Value.GetProperty("security").EnumerateArray().All(requirement => requirement.EnumerateObject().Any()))
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

        // Outside Development and Testing a foreign Host is refused outright (PublicOriginTests); here the document is
        // served, and must not echo it.
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldNotContain("attacker.example");
        JsonDocument.Parse(text).RootElement.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("/");
    }

    [Fact]
    public async Task Scalar_authorizes_with_the_app_client_and_pkce_and_gets_the_code_back_on_its_own_page()
    {
        var redirectUri = fixture.App.Services.GetRequiredService<PublicOrigin>().Link("/scalar/");
        var reference = await _client.GetStringAsync("/scalar/");
        reference.ShouldContain("marketplace-spa");
        reference.ShouldContain("SHA-256");
        reference.ShouldContain(redirectUri);

        await fixture.App.CreateAccountAsync("scalar.user@example.com", Roles.JobSeeker);
        using var browser = ApiAccess.Browser(fixture.App);
        await ApiAccess.SignInAsync(browser, "scalar.user@example.com");
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        using var authorize = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "marketplace-spa", ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid jobs:read",
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }));

        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        authorize.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri);
        QueryHelpers.ParseQuery(authorize.Headers.Location.Query)["code"].ToString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_document_is_saved_for_the_linter()
    {
        var text = await _client.GetStringAsync("/openapi/v1.json");
        var path = Repository.Artifact("openapi/v1.json");

        await File.WriteAllTextAsync(path, text);

        JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
    }

    /// <summary>Security: the scopes of its requirements, null when it states none; Open: one of them names no scheme at all.</summary>
    private sealed record DocumentedOperation(string Id, string[]? Security, bool Open, string Description);

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;

    private static List<DocumentedOperation> Operations(JsonElement document) =>
    [
        .. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(operation => new DocumentedOperation(
            operation.Value.GetProperty("operationId").GetString()!,
            operation.Value.TryGetProperty("security", out var security)
                ? [.. security.EnumerateArray().Where(r => r.TryGetProperty("oauth2", out _)).SelectMany(r => r.GetProperty("oauth2").EnumerateArray().Select(s => s.GetString()!))]
                : null,
            operation.Value.TryGetProperty("security", out var requirements) && requirements.EnumerateArray().Any(r => !r.EnumerateObject().Any()),
            operation.Value.TryGetProperty("description", out var description) ? description.GetString()! : ""))),
    ];

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    public sealed class Fixture : MarketplaceFixture
    {
        public override AppOptions AppOptions => new() { BackgroundServer = false };
    }
}
