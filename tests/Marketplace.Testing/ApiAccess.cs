using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.ApiClients;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Testing;

/// <summary>
/// Clients that call /api/v1 as a real caller would: an employer's ATS (client credentials of an API client the
/// employer owns) or an admin (authorization code with PKCE through the app client, after a cookie sign-in).
/// One employer and one admin per host, so every client of a host acts for the same people.
/// </summary>
public static partial class ApiAccess
{
    public const string Password = "test passphrase for the api 1";
    private const string AdminEmail = "api.admin@example.com";

    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, Lazy<Task<string>>> EmployerTokens = new();
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, Lazy<Task<string>>> AdminTokens = new();
    private static readonly ConditionalWeakTable<WebApplicationFactory<Program>, Lazy<Task<string>>> JobSeekerTokens = new();

    /// <summary>A client whose requests carry the host's test employer's token (scopes jobs:read, jobs:write, applications:read).</summary>
    public static HttpClient CreateEmployerClient(this WebApplicationFactory<Program> app) =>
        app.CreateDefaultClient(new BearerHandler(() => app.EmployerTokenAsync()));

    /// <summary>A client for another employer (created when missing), with an API client of their own and every scope.</summary>
    public static async Task<HttpClient> CreateEmployerClientAsync(this WebApplicationFactory<Program> app, string email)
    {
        var token = await EmployerTokenForAsync(app, email, [.. AllApiScopes.ForApiClients]);
        return app.CreateDefaultClient(new BearerHandler(() => Task.FromResult(token)));
    }

    /// <summary>A client whose requests carry the host's test admin's token.</summary>
    public static HttpClient CreateAdminClient(this WebApplicationFactory<Program> app) =>
        app.CreateDefaultClient(new BearerHandler(() => app.AdminTokenAsync()));

    /// <summary>The host's test employer's access token (an API client's, by client credentials).</summary>
    public static Task<string> EmployerTokenAsync(this WebApplicationFactory<Program> app) =>
        EmployerTokens.GetValue(app, a => new Lazy<Task<string>>(() => RequestEmployerTokenAsync(a))).Value;

    /// <summary>The host's test admin's access token (authorization code with PKCE through the app client).</summary>
    public static Task<string> AdminTokenAsync(this WebApplicationFactory<Program> app) =>
        AdminTokens.GetValue(app, a => new Lazy<Task<string>>(() => RequestUserTokenAsync(a, AdminEmail, Roles.Admin))).Value;

    /// <summary>The host's test job seeker's access token (authorization code with PKCE through the app client).</summary>
    public static Task<string> JobSeekerTokenAsync(this WebApplicationFactory<Program> app) =>
        JobSeekerTokens.GetValue(app, a => new Lazy<Task<string>>(() => RequestUserTokenAsync(a, "api.jobseeker@example.com", Roles.JobSeeker))).Value;

    /// <summary>An account created directly through ASP.NET Core Identity (confirmed unless told otherwise); an existing one is reused.</summary>
    public static async Task<Guid> CreateAccountAsync(
        this WebApplicationFactory<Program> app, string email, string role, string password = Password, bool confirmed = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing.Id;
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = confirmed,
            Kind = role == Roles.Employer ? AccountKind.Employer : AccountKind.JobSeeker,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, on the in-memory server or on Kestrel's socket.</summary>
    public static HttpClient Browser(WebApplicationFactory<Program> app) => app is MarketplaceApp { OnKestrel: true }
        // The factory's own client on Kestrel follows redirects whatever its options say.
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app.ClientOptions.BaseAddress }
        : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the sign-in form (with its antiforgery token); the client must keep cookies.</summary>
    public static async Task SignInAsync(HttpClient browser, string email, string password = Password)
    {
        var form = await browser.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await browser.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }
    }

    /// <summary>Loads a page and posts its form to a handler, with the page's antiforgery token; the client must keep cookies.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, string page, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(page);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value };
        return await browser.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(values));
    }

    /// <summary>A token of a new API client of the host's test employer that may ask only for these scopes.</summary>
    public static Task<string> EmployerTokenWithScopesAsync(this WebApplicationFactory<Program> app, params string[] scopes) =>
        EmployerTokenForAsync(app, "api.employer@example.com", scopes);

    private static async Task<string> EmployerTokenForAsync(WebApplicationFactory<Program> app, string email, string[] scopes)
    {
        var employer = await app.CreateAccountAsync(email, Roles.Employer);
        CreatedApiClient client;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            client = (await scope.ServiceProvider.GetRequiredService<IApiClients>()
                .CreateAsync(employer, $"Tests ({string.Join(' ', scopes)})", scopes, CancellationToken.None)).Value;
        }

        return await TokenAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    private static Task<string> RequestEmployerTokenAsync(WebApplicationFactory<Program> app) => app.EmployerTokenWithScopesAsync([.. AllApiScopes.ForApiClients]);

    private static async Task<string> RequestUserTokenAsync(WebApplicationFactory<Program> app, string email, string role)
    {
        await app.CreateAccountAsync(email, role);
        using var browser = Browser(app);
        await SignInAsync(browser, email);
        return await app.AuthorizationCodeTokenAsync(browser, "openid " + string.Join(' ', AllApiScopes.Names));
    }

    /// <summary>An access token for the user signed in on <paramref name="browser"/>, through the app client's code flow with PKCE.</summary>
    public static async Task<string> AuthorizationCodeTokenAsync(this WebApplicationFactory<Program> app, HttpClient browser, string scope)
    {
        const string redirectUri = "http://127.0.0.1:5173/callback";
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        using var authorize = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "marketplace-spa",
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }));
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location?.Query)["code"].ToString();
        if (code.Length == 0)
        {
            throw new InvalidOperationException($"No authorization code: {(int)authorize.StatusCode} {authorize.Headers.Location}");
        }

        return await TokenAsync(app, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "marketplace-spa",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        });
    }

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> app, Dictionary<string, string> form)
    {
        using var http = app.CreateClient();
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode
            ? body.GetProperty("access_token").GetString()!
            : throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed class BearerHandler(Func<Task<string>> token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
