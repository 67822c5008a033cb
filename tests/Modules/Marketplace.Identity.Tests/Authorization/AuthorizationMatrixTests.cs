using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Identity.Tests.Protocol;

namespace Marketplace.Identity.Tests.Authorization;

public enum Outcome
{
    /// <summary>Let through: any answer but 401, 403 or a redirect to sign-in (a 400 for an empty body counts).</summary>
    Allowed,

    /// <summary>401, or a redirect to the sign-in page.</summary>
    SignIn,
    Forbidden,
}

/// <summary>How a probe authenticates: the persona's cookie session (pages) or bearer token (API).</summary>
public enum Credential
{
    Cookie,
    Bearer,
}

/// <summary>
/// One request per route, and what each persona gets, in the order: anonymous, job seeker, second job seeker, employer,
/// second employer, admin. "{posting}" stands for a posting the (first) employer published.
/// </summary>
public sealed record Probe(string Method, string Url, Credential Credential, Outcome[] Expected, string? Json = null);

public sealed class AuthorizationMatrixTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const Outcome A = Outcome.Allowed;
    private const Outcome S = Outcome.SignIn;
    private const Outcome F = Outcome.Forbidden;

    private static readonly string[] Personas = ["anonymous", "job seeker", "second job seeker", "employer", "second employer", "admin"];

    private const string PostingJson = """
        {"title":"Senior C# backend developer","company":"Acme","description":"Build APIs.","seniority":"Senior","workMode":"Remote",
         "salary":{"min":60000,"max":80000,"currency":"EUR","period":"Year"},"skills":[{"skill":"csharp","minLevel":3,"weight":5}]}
        """;

    private static readonly Outcome[] Everyone = [A, A, A, A, A, A];
    private static readonly Outcome[] SignedIn = [S, A, A, A, A, A];

    /// <summary>Every route of the app; a route without an entry fails the test, so a new one cannot slip in unreviewed.</summary>
    private static readonly Dictionary<string, Probe> Matrix = new()
    {
        // Pages
        ["PAGE /"] = new("GET", "/", Credential.Cookie, Everyone),
        ["PAGE /Index"] = new("GET", "/Index", Credential.Cookie, Everyone),
        ["PAGE /Account/SignIn"] = new("GET", "/Account/SignIn", Credential.Cookie, Everyone),
        ["PAGE /Account/SignUp"] = new("GET", "/Account/SignUp", Credential.Cookie, Everyone),
        ["PAGE /Account/SignOut"] = new("GET", "/Account/SignOut", Credential.Cookie, Everyone),
        ["PAGE /Account/SignedOut"] = new("GET", "/Account/SignedOut", Credential.Cookie, Everyone),
        ["PAGE /Account/CheckEmail"] = new("GET", "/Account/CheckEmail", Credential.Cookie, Everyone),
        ["PAGE /Account/ConfirmEmail"] = new("GET", "/Account/ConfirmEmail", Credential.Cookie, Everyone),
        ["PAGE /Account/ConfirmEmailChange"] = new("GET", "/Account/ConfirmEmailChange", Credential.Cookie, Everyone),
        ["PAGE /Account/ResendConfirmation"] = new("GET", "/Account/ResendConfirmation", Credential.Cookie, Everyone),
        ["PAGE /Account/ForgotPassword"] = new("GET", "/Account/ForgotPassword", Credential.Cookie, Everyone),
        ["PAGE /Account/ResetPassword"] = new("GET", "/Account/ResetPassword", Credential.Cookie, Everyone),
        ["PAGE /Account/AccessDenied"] = new("GET", "/Account/AccessDenied", Credential.Cookie, Everyone),
        ["PAGE /Account/AccountDeleted"] = new("GET", "/Account/AccountDeleted", Credential.Cookie, Everyone),
        ["PAGE /Account/Manage"] = new("GET", "/Account/Manage", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/Index"] = new("GET", "/Account/Manage/Index", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/PersonalData"] = new("GET", "/Account/Manage/PersonalData?handler=Download", Credential.Cookie, SignedIn),
        ["PAGE /Account/Manage/ApiClients"] = new("GET", "/Account/Manage/ApiClients", Credential.Cookie, [S, F, F, A, A, F]),
        ["PAGE /Employer/Company"] = new("GET", "/Employer/Company", Credential.Cookie, [S, F, F, A, A, F]),

        // Operations
        ["ANY /hangfire/{**path}"] = new("GET", "/hangfire", Credential.Cookie, [S, F, F, F, F, A]),
        ["ANY /health/live"] = new("GET", "/health/live", Credential.Cookie, Everyone),
        ["ANY /health/ready"] = new("GET", "/health/ready", Credential.Cookie, Everyone),
        ["GET /openapi/{documentName}.json"] = new("GET", "/openapi/v1.json", Credential.Cookie, Everyone),
        ["GET /scalar/{documentName?}"] = new("GET", "/scalar", Credential.Cookie, Everyone),
        ["GET /scalar/scalar.js"] = new("GET", "/scalar/scalar.js", Credential.Cookie, Everyone),
        ["GET /scalar/scalar.aspnetcore.js"] = new("GET", "/scalar/scalar.aspnetcore.js", Credential.Cookie, Everyone),
        ["GET /scalar/favicon.svg"] = new("GET", "/scalar/favicon.svg", Credential.Cookie, Everyone),

        // OAuth: the protocol decides (anonymous users are sent to sign in before a code is issued).
        ["GET /connect/authorize"] = new("GET", "/connect/authorize?" + AuthorizeQuery, Credential.Cookie, SignedIn),
        ["POST /connect/authorize"] = new("POST", "/connect/authorize", Credential.Cookie, Everyone),
        ["POST /connect/token"] = new("POST", "/connect/token", Credential.Cookie, Everyone),

        // API (bearer tokens): employers' tokens come from their API clients, the others' from the app client.
        ["GET /api/v1/identity/me"] = new("GET", "/api/v1/identity/me", Credential.Bearer, SignedIn),
        ["GET /api/v1/postings/"] = new("GET", "/api/v1/postings", Credential.Bearer, SignedIn),
        ["GET /api/v1/postings/search"] = new("GET", "/api/v1/postings/search?q=backend", Credential.Bearer, Everyone),
        ["GET /api/v1/postings/{id:guid}"] = new("GET", "/api/v1/postings/{posting}", Credential.Bearer, SignedIn),
        ["POST /api/v1/postings/"] = new("POST", "/api/v1/postings", Credential.Bearer, [S, F, F, A, A, F], PostingJson),
        ["PUT /api/v1/postings/{id:guid}"] = new("PUT", "/api/v1/postings/{posting}", Credential.Bearer, [S, F, F, A, F, F], "{posting-edit}"),
        ["POST /api/v1/postings/{id:guid}/publish"] = new("POST", "/api/v1/postings/{posting}/publish", Credential.Bearer, [S, F, F, A, F, F], "{}"),
        ["POST /api/v1/postings/{id:guid}/renew"] = new("POST", "/api/v1/postings/{posting}/renew", Credential.Bearer, [S, F, F, A, F, F], "{}"),
        ["POST /api/v1/postings/{id:guid}/close"] = new("POST", "/api/v1/postings/{posting}/close", Credential.Bearer, [S, F, F, A, F, F], """{"reason":"Filled"}"""),
        ["GET /api/v1/skill-demand/"] = new("GET", "/api/v1/skill-demand", Credential.Bearer, [S, F, F, F, F, A]),
    };

    private static string AuthorizeQuery =>
        $"client_id={OAuth.PublicClient}&redirect_uri={Uri.EscapeDataString(OAuth.RedirectUri)}&response_type=code&scope=openid&code_challenge={OAuth.Pkce().Challenge}&code_challenge_method=S256";

    [Fact]
    public void Every_route_of_the_app_has_an_entry_and_every_entry_a_route()
    {
        var routes = EndpointInventory.Routes(app.Services);
        routes.Except(Matrix.Keys).ShouldBeEmpty("routes without an entry in the authorization matrix");
        Matrix.Keys.Except(routes).ShouldBeEmpty("entries for routes that no longer exist");
    }

    [Fact]
    public async Task Every_route_answers_each_persona_as_the_matrix_says()
    {
        var personas = await SetUpPersonasAsync();
        var (posting, version) = await PublishPostingAsync(personas[3].Bearer!);
        var failures = new List<string>();
        foreach (var (route, probe) in Matrix.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < Personas.Length; i++)
            {
                var url = probe.Url.Replace("{posting}", posting.ToString(), StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), url);
                if (probe.Json is not null)
                {
                    var json = probe.Json == "{posting-edit}" ? EditJson(version) : probe.Json;
                    request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                }

                var persona = personas[i];
                var client = probe.Credential == Credential.Cookie ? persona.Browser.Http : persona.Api;
                if (probe.Credential == Credential.Bearer && persona.Bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", persona.Bearer);
                }

                using var response = await client.SendAsync(request);
                var actual = Classify(response);
                if (actual != probe.Expected[i])
                {
                    failures.Add($"{route} as {Personas[i]}: expected {probe.Expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Outcome.SignIn,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal) == true => Outcome.SignIn,
        _ => Outcome.Allowed,
    };

    private sealed record Persona(WebSession Browser, HttpClient Api, string? Bearer);

    private async Task<Persona[]> SetUpPersonasAsync()
    {
        var accounts = new (string Email, string Role)[]
        {
            ("seeker.one@example.com", Roles.JobSeeker), ("seeker.two@example.com", Roles.JobSeeker),
            ("employer.one@example.com", Roles.Employer), ("employer.two@example.com", Roles.Employer),
            ("admin.one@example.com", Roles.Admin),
        };
        var personas = new List<Persona> { new(app.CreateSession(), NewApiClient(), null) };
        foreach (var (email, role) in accounts)
        {
            await app.CreateUserAsync(email, role);
            var browser = app.CreateSession();
            await browser.SignInOrThrowAsync(email);
            var bearer = role == Roles.Employer ? await EmployerTokenAsync(browser) : await UserTokenAsync(browser);
            personas.Add(new Persona(browser, NewApiClient(), bearer));
        }

        return [.. personas];
    }

    private HttpClient NewApiClient() => app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string> EmployerTokenAsync(WebSession employer)
    {
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "Matrix", [.. Marketplace.Testing.AllApiScopes.Names]);
        var token = await NewApiClient().RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = string.Join(' ', Marketplace.Testing.AllApiScopes.Names),
        });
        return token.AccessToken ?? throw new InvalidOperationException(token.Error);
    }

    /// <summary>A user's token from the app client, asking for every API scope: the role policies must still hold.</summary>
    private async Task<string> UserTokenAsync(WebSession user)
    {
        var (verifier, challenge) = OAuth.Pkce();
        var redirect = await OAuth.AuthorizeAsync(user, "openid " + string.Join(' ', Marketplace.Testing.AllApiScopes.Names), challenge);
        var token = await NewApiClient().RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = OAuth.PublicClient, Code = OAuth.QueryValue(redirect, "code")!,
            RedirectUri = OAuth.RedirectUri, CodeVerifier = verifier,
        });
        return token.AccessToken ?? throw new InvalidOperationException(token.Error);
    }

    private async Task<(Guid Id, uint Version)> PublishPostingAsync(string employerToken)
    {
        using var http = NewApiClient();
        http.SetBearerToken(employerToken);
        using var published = await http.PostAsync("/api/v1/postings", new StringContent(PostingJson, System.Text.Encoding.UTF8, "application/json"));
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var body = await published.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetUInt32());
    }

    private static string EditJson(uint version) =>
        PostingJson.TrimEnd().TrimEnd('}') + $",\"version\":{version}}}";
}
