using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Identity.Tests.Protocol;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Identity.Tests.Authorization.AuthorizationMatrix;

namespace Marketplace.Identity.Tests.Authorization;

/// <summary>
/// Every route and page form of the app, probed as each persona: pages by cookie and, to be sure a token does not stand in
/// for a session, by bearer token alone; the API by bearer token and by cookie alone (a session must not reach it); every
/// form post with the persona's antiforgery token and without one. A 5xx fails, and so does an answer that shows another
/// persona's data (their email, account id, API client or company invitations) to anyone but an admin. Entries live in
/// AuthorizationMatrix.&lt;Module&gt;.cs.
/// </summary>
public sealed class AuthorizationMatrixTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task Every_route_and_form_handler_of_the_app_has_an_entry_and_every_entry_a_route()
    {
        var routes = await EndpointInventory.RoutesAsync(app.Services);
        var missing = routes.Except(Entries.Keys).ToList();
        var stale = Entries.Keys.Except(routes).ToList();

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("Routes and form handlers without an entry in the authorization matrix. Add each to the AuthorizationMatrix.<Module>.cs of " +
                $"the module that serves it, with the outcome for each persona ({string.Join(", ", Personas)}):\n    " +
                string.Join("\n    ", missing.Select(Suggestion)));
        }

        if (stale.Count > 0)
        {
            problems.Add("Entries for routes or handlers the app no longer has: " + string.Join(", ", stale));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_route_answers_each_persona_as_the_matrix_says_and_shows_no_one_else_s_data()
    {
        var personas = await SetUpPersonasAsync();
        var (posting, version) = await PublishPostingAsync(personas[3].Bearer!);
        var placeholders = new Dictionary<string, string>
        {
            ["{posting}"] = posting.ToString(),
            ["{company}"] = personas[3].CompanyId!.Value.ToString(),
            ["{spare-client}"] = (await OAuth.CreateApiClientAsync(personas[4].Browser, "Spare", "jobs:read")).ClientId,
        };

        var failures = new List<string>();
        var probes = 0;
        foreach (var (route, probe) in Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < personas.Length; i++)
            {
                foreach (var variant in Variants(route, probe, i))
                {
                    using var response = await SendAsync(probe, variant, personas[i], placeholders, version);
                    probes++;
                    var actual = Classify(response, route);
                    var who = $"{route} as {Personas[i]} {variant.How}";
                    if (actual != variant.Expected)
                    {
                        failures.Add($"{who}: expected {variant.Expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                    }

                    if (i != Admin)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        failures.AddRange(personas
                            .Where((other, j) => j != i && !probe.MayShowDataOf.Contains(j))
                            .SelectMany(other => other.Data.Where(d => body.Contains(d.Value, StringComparison.OrdinalIgnoreCase))
                                .Select(d => $"{who}: the answer shows {other.Name}'s {d.Label}")));
                    }

                    if (probe.EndsSession && personas[i].Email is { } email)
                    {
                        await SignInAgainAsync(personas[i].Browser, email);
                    }
                }
            }
        }

        failures.ShouldBeEmpty($"{probes} probes of {Entries.Count} entries");
    }

    /// <summary>Signs the persona in again if the probe ended their session (a refused post leaves it as it was).</summary>
    private static async Task SignInAgainAsync(WebSession browser, string email)
    {
        using var account = await browser.Http.GetAsync("/Account/Manage");
        if (account.StatusCode != HttpStatusCode.OK)
        {
            await browser.SignInOrThrowAsync(email);
        }
    }

    private sealed record Variant(string How, Credential Sends, bool Antiforgery, Outcome Expected);

    /// <summary>
    /// The probes of one entry for one persona. Only what the entry names lets a persona in: a bearer token alone gets
    /// what an anonymous visitor gets from a page, a cookie alone what an anonymous caller gets from the API, and a form
    /// post without its antiforgery token is refused wherever the persona would have been let through.
    /// </summary>
    private static IEnumerable<Variant> Variants(string route, Probe probe, int persona)
    {
        var anonymous = probe.Expected[0];
        if (IsForm(route))
        {
            yield return new("with its antiforgery token", Credential.Cookie, true, probe.Expected[persona]);
            yield return new("without an antiforgery token", Credential.Cookie, false, Refusing(probe.Expected[persona]));
            if (persona > 0)
            {
                yield return new("with only its bearer token", Credential.Bearer, false, Refusing(anonymous));
            }
        }
        else if (probe.Credential == Credential.Cookie)
        {
            yield return new("by cookie", Credential.Cookie, false, probe.Expected[persona]);
            if (persona > 0)
            {
                yield return new("with only its bearer token", Credential.Bearer, false, anonymous);
            }
        }
        else
        {
            yield return new("by bearer token", Credential.Bearer, false, probe.Expected[persona]);
            if (persona > 0)
            {
                yield return new("with only its cookie", Credential.Cookie, false, anonymous);
            }
        }
    }

    private static bool IsForm(string route) => route.StartsWith("PAGE POST ", StringComparison.Ordinal);

    /// <summary>Without its antiforgery token a post that got past authorization is refused before its handler runs.</summary>
    private static Outcome Refusing(Outcome outcome) => outcome is Outcome.Allowed or Outcome.NotFound ? Outcome.Refused : outcome;

    private async Task<HttpResponseMessage> SendAsync(Probe probe, Variant variant, Persona persona, Dictionary<string, string> placeholders, uint version)
    {
        string Fill(string text) => placeholders.Aggregate(text, (current, p) => current.Replace(p.Key, p.Value, StringComparison.Ordinal));

        using var request = new HttpRequestMessage(new HttpMethod(probe.Method), Fill(probe.Url));
        if (probe.Json is not null)
        {
            request.Content = new StringContent(Fill(PostingBody(probe.Json, version)), System.Text.Encoding.UTF8, "application/json");
        }

        if (probe.Form is not null || probe.Method == "POST" && probe.Json is null)
        {
            var fields = (probe.Form ?? new Dictionary<string, string>()).ToDictionary(f => f.Key, f => Fill(f.Value));
            if (variant.Antiforgery)
            {
                fields["__RequestVerificationToken"] = await persona.Browser.GetFormTokenAsync("/Account/SignIn");
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        if (variant.Sends == Credential.Bearer && persona.Bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", persona.Bearer);
        }

        var client = variant.Sends == Credential.Cookie ? persona.Browser.Http : persona.Api;
        return await client.SendAsync(request);
    }

    private static Outcome Classify(HttpResponseMessage response, string route) => response.StatusCode switch
    {
        >= HttpStatusCode.InternalServerError => Outcome.ServerError,
        HttpStatusCode.Unauthorized => Outcome.SignIn,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.NotFound,
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString.Contains("/Account/SignIn", StringComparison.Ordinal) == true => Outcome.SignIn,
        // A form refused for its antiforgery token gets no page; a page that answers 400 itself (a tampered confirmation
        // link) was reached. Elsewhere a 400 is the route's own answer to an empty request (OAuth's endpoints).
        HttpStatusCode.BadRequest when IsForm(route) && response.Content.Headers.ContentType?.MediaType != "text/html" => Outcome.Refused,
        _ => Outcome.Allowed,
    };

    /// <summary>A persona: their browser session, an API client without cookies, their token, and what is theirs alone.</summary>
    private sealed record Persona(string Name, string? Email, WebSession Browser, HttpClient Api, string? Bearer, Guid? CompanyId)
    {
        public List<(string Label, string Value)> Data { get; } = [];
    }

    private async Task<Persona[]> SetUpPersonasAsync()
    {
        var accounts = new (string Email, string Role)[]
        {
            ("seeker.one@example.com", Roles.JobSeeker), ("seeker.two@example.com", Roles.JobSeeker),
            ("employer.one@example.com", Roles.Employer), ("employer.two@example.com", Roles.Employer),
            ("admin.one@example.com", Roles.Admin),
        };
        var personas = new List<Persona> { new(Personas[0], null, app.CreateSession(), NewApiClient(), null, null) };
        foreach (var (email, role) in accounts)
        {
            var userId = await app.CreateUserAsync(email, role);
            var companyId = role == Roles.Employer ? await FoundCompanyAsync(userId, $"Tenant {personas.Count} GmbH") : (Guid?)null;
            var browser = app.CreateSession();
            await browser.SignInOrThrowAsync(email);
            var (bearer, clientId) = role == Roles.Employer ? await EmployerTokenAsync(browser) : (await UserTokenAsync(browser), null);
            var persona = new Persona(Personas[personas.Count], email, browser, NewApiClient(), bearer, companyId);
            persona.Data.Add(("email address", email));
            persona.Data.Add(("account id", userId.ToString()));
            if (clientId is not null)
            {
                persona.Data.Add(("API client id", clientId));
            }

            personas.Add(persona);
        }

        // The first employer's company has a pending invitation: its address is that company's business alone.
        using var invited = await personas[3].Browser.SubmitAsync("/Employer/Company",
            new Dictionary<string, string> { ["Input.CompanyId"] = personas[3].CompanyId!.Value.ToString(), ["Input.Email"] = "invitee.of.tenant.one@example.com" },
            "Invite");
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invited.Content.ReadAsStringAsync());
        personas[3].Data.Add(("company's invitation", "invitee.of.tenant.one@example.com"));
        return [.. personas];
    }

    /// <summary>A company founded by the employer, as the Jobs module does when an employer confirms their email.</summary>
    private async Task<Guid> FoundCompanyAsync(Guid employerId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var company = Company.Found(Guid.CreateVersion7(), name, employerId, DateTimeOffset.UtcNow).Value;
        jobs.Companies.Add(company);
        await jobs.SaveChangesAsync();
        return company.Id;
    }

    private HttpClient NewApiClient() => app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(string Token, string ClientId)> EmployerTokenAsync(WebSession employer)
    {
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "Matrix", [.. Marketplace.Testing.AllApiScopes.ForApiClients]);
        var token = await NewApiClient().RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = string.Join(' ', Marketplace.Testing.AllApiScopes.ForApiClients),
        });
        return (token.AccessToken ?? throw new InvalidOperationException(token.Error), clientId);
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
        using var published = await http.PostAsync("/api/v1/postings", new StringContent(NewPostingJson, System.Text.Encoding.UTF8, "application/json"));
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var body = await published.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetUInt32());
    }
}
