using Marketplace.Testing;
using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Protocol;

public sealed class OpenIdConnectTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private sealed record TokenIdentity(Guid? UserId, string? ClientId, string[] Scopes, string[] Roles);

    [Fact]
    public async Task An_employers_ats_takes_a_token_with_client_credentials_and_calls_the_api()
    {
        var employerId = await app.CreateUserAsync("ats.owner@example.com", Roles.Employer);
        using var employer = app.CreateSession();
        await employer.SignInOrThrowAsync("ats.owner@example.com");
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "Our ATS", ApiScopes.JobsRead, ApiScopes.JobsWrite);
        (await employer.GetPageAsync("/Account/Manage/ApiClients")).Body!.TextContent.ShouldNotContain(secret);

        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var discovery = await OAuth.DiscoverAsync(http);
        discovery.TokenEndpoint.ShouldBe("https://localhost/connect/token");
        discovery.GrantTypesSupported.ShouldContain("client_credentials");
        discovery.CodeChallengeMethodsSupported.ShouldContain("S256");

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint,
            ClientId = clientId,
            ClientSecret = secret,
            Scope = "jobs:read",
        });
        token.IsError.ShouldBeFalse(token.Error);
        token.RefreshToken.ShouldBeNull();

        using (var anonymous = await http.GetAsync("/api/v1/identity/me"))
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        http.SetBearerToken(token.AccessToken!);
        var me = await http.GetFromJsonAsync<TokenIdentity>("/api/v1/identity/me");
        me!.UserId.ShouldBe(employerId);
        me.ClientId.ShouldBe(clientId);
        me.Scopes.ShouldBe([ApiScopes.JobsRead]);
        me.Roles.ShouldBe([Roles.Employer]);

        // jobs:read only: reading postings is allowed, publishing needs jobs:write.
        using var publish = await http.PostAsJsonAsync("/api/v1/postings", new { Title = "x" });
        publish.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var read = await http.GetAsync($"/api/v1/postings/{Guid.NewGuid()}");
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_or_a_scope_the_client_was_not_given_are_refused()
    {
        await app.CreateUserAsync("careful.owner@example.com", Roles.Employer);
        using var employer = app.CreateSession();
        await employer.SignInOrThrowAsync("careful.owner@example.com");
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "Read only", ApiScopes.JobsRead);
        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var wrongSecret = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret + "x", Scope = "jobs:read",
        });
        wrongSecret.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongSecret.Raw!.ShouldContain("invalid_client");

        var wrongScope = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "jobs:write",
        });
        // OpenIddict reports a scope outside the client's permissions as invalid_request (ID2051).
        wrongScope.Error.ShouldBe("invalid_request");
        wrongScope.ErrorDescription!.ShouldContain("scope");
        wrongScope.AccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task A_deleted_api_client_can_no_longer_take_tokens_and_another_employer_cannot_delete_it()
    {
        await app.CreateUserAsync("owner.a@example.com", Roles.Employer);
        await app.CreateUserAsync("owner.b@example.com", Roles.Employer);
        using var a = app.CreateSession();
        using var b = app.CreateSession();
        await a.SignInOrThrowAsync("owner.a@example.com");
        await b.SignInOrThrowAsync("owner.b@example.com");
        var (clientId, secret) = await OAuth.CreateApiClientAsync(a, "Soon gone", ApiScopes.JobsRead);

        var bPage = await b.GetPageAsync("/Account/Manage/ApiClients");
        var bToken = bPage.QuerySelector("form[action*='handler=Create'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var stolen = await b.PostAsync("/Account/Manage/ApiClients?handler=Delete", new Dictionary<string, string> { ["clientId"] = clientId }, bToken))
        {
            stolen.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var request = new ClientCredentialsTokenRequest { Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "jobs:read" };
        (await http.RequestClientCredentialsTokenAsync(request)).IsError.ShouldBeFalse();

        var aPage = await a.GetPageAsync("/Account/Manage/ApiClients");
        var aToken = aPage.QuerySelector("form[action*='handler=Delete'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var deleted = await a.PostAsync("/Account/Manage/ApiClients?handler=Delete", new Dictionary<string, string> { ["clientId"] = clientId }, aToken))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var afterDelete = await http.RequestClientCredentialsTokenAsync(request);
        afterDelete.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        afterDelete.Raw!.ShouldContain("invalid_client");
    }

    [Fact]
    public async Task A_job_seeker_cannot_create_api_clients()
    {
        await app.CreateUserAsync("seeker.api@example.com", Roles.JobSeeker);
        using var seeker = app.CreateSession();
        await seeker.SignInOrThrowAsync("seeker.api@example.com");
        using var response = await seeker.Http.GetAsync("/Account/Manage/ApiClients");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_authorization_request_without_pkce_is_refused()
    {
        await app.CreateUserAsync("nopkce@example.com", Roles.JobSeeker);
        using var user = app.CreateSession();
        await user.SignInOrThrowAsync("nopkce@example.com");

        using var response = await user.Http.GetAsync(
            $"/connect/authorize?client_id={OAuth.PublicClient}&redirect_uri={Uri.EscapeDataString(OAuth.RedirectUri)}&response_type=code&scope=openid&state=xyz");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("invalid_request");
        body.ShouldContain("code_challenge");
    }

    [Fact]
    public async Task An_anonymous_authorization_request_is_sent_to_sign_in_and_comes_back()
    {
        using var user = app.CreateSession();
        var (_, challenge) = OAuth.Pkce();
        using var response = await user.Http.GetAsync($"/connect/authorize?client_id={OAuth.PublicClient}&redirect_uri={Uri.EscapeDataString(OAuth.RedirectUri)}&response_type=code&scope=openid&code_challenge={challenge}&code_challenge_method=S256");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldContain("/Account/SignIn?ReturnUrl=");
        location.ShouldContain(Uri.EscapeDataString("/connect/authorize?"));
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_reused_one_is_rejected_and_revokes_the_grant()
    {
        var userId = await app.CreateUserAsync("mobile@example.com", Roles.JobSeeker);
        using var user = app.CreateSession();
        await user.SignInOrThrowAsync("mobile@example.com");
        var (verifier, challenge) = OAuth.Pkce();
        var redirect = await OAuth.AuthorizeAsync(user, "openid offline_access email jobs:read", challenge);
        var code = OAuth.QueryValue(redirect, "code");
        code.ShouldNotBeNull(redirect.ToString());
        OAuth.QueryValue(redirect, "state").ShouldBe("xyz");

        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var wrongVerifier = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = OAuth.PublicClient, Code = code, RedirectUri = OAuth.RedirectUri, CodeVerifier = OAuth.Pkce().Verifier,
        });
        wrongVerifier.Error.ShouldBe("invalid_grant");

        // A code whose redemption failed on the verifier is spent too: ask for a new one.
        redirect = await OAuth.AuthorizeAsync(user, "openid offline_access email jobs:read", challenge);
        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = OAuth.PublicClient, Code = OAuth.QueryValue(redirect, "code")!, RedirectUri = OAuth.RedirectUri, CodeVerifier = verifier,
        });
        tokens.IsError.ShouldBeFalse(tokens.Error);
        tokens.IdentityToken.ShouldNotBeNull();
        var first = tokens.RefreshToken;
        first.ShouldNotBeNull();

        http.SetBearerToken(tokens.AccessToken!);
        (await http.GetFromJsonAsync<TokenIdentity>("/api/v1/identity/me"))!.UserId.ShouldBe(userId);

        var rotated = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = OAuth.PublicClient, RefreshToken = first });
        rotated.IsError.ShouldBeFalse(rotated.Error);
        rotated.RefreshToken.ShouldNotBeNull();
        rotated.RefreshToken.ShouldNotBe(first);

        var reused = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = OAuth.PublicClient, RefreshToken = first });
        reused.Error.ShouldBe("invalid_grant");

        // The reuse looked like a stolen token: the whole grant is revoked, the legitimate newer token included.
        var afterReuse = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = "/connect/token", ClientId = OAuth.PublicClient, RefreshToken = rotated.RefreshToken });
        afterReuse.Error.ShouldBe("invalid_grant");
    }
}
