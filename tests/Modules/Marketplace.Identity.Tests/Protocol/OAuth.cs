using Marketplace.Testing;
using System.Net;
using System.Security.Cryptography;
using Duende.IdentityModel.Client;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Identity.Tests.Protocol;

/// <summary>What a real client does, with Duende.IdentityModel (an OIDC client library that is not ours).</summary>
public static class OAuth
{
    public const string PublicClient = "marketplace-spa";
    public const string RedirectUri = "https://app.example.test/callback";

    public static async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient http)
    {
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = "https://localhost",
            Policy = { RequireHttps = true, ValidateIssuerName = true, ValidateEndpoints = true },
        });
        if (discovery.IsError)
        {
            throw new InvalidOperationException($"Discovery failed: {discovery.Error}");
        }

        return discovery;
    }

    /// <summary>An employer's client made through the settings page, as the employer would: returns its id and the secret shown once.</summary>
    public static async Task<(string ClientId, string Secret)> CreateApiClientAsync(WebSession employer, string name, params string[] scopes)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.DisplayName", name) };
        fields.AddRange(scopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)));
        var page = await employer.GetPageAsync("/Account/Manage/ApiClients");
        var token = page.QuerySelector("form[action*='handler=Create'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields.Add(new("__RequestVerificationToken", token));
        using var response = await employer.Http.PostAsync("/Account/Manage/ApiClients?handler=Create", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return (document.QuerySelector("[data-testid=client-id]")!.TextContent.Trim(), document.QuerySelector("[data-testid=client-secret]")!.TextContent.Trim());
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The authorization request a browser would make for a signed-in user; returns the redirect.</summary>
    public static async Task<Uri> AuthorizeAsync(WebSession user, string scope, string? codeChallenge)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = PublicClient,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "xyz",
        };
        if (codeChallenge is not null)
        {
            query["code_challenge"] = codeChallenge;
            query["code_challenge_method"] = "S256";
        }

        using var response = await user.Http.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    /// <summary>A signed-in user's tokens from the app client (authorization code with PKCE); with offline_access, a refresh token too.</summary>
    public static async Task<TokenResponse> UserTokensAsync(HttpClient http, WebSession user, string scope)
    {
        var (verifier, challenge) = Pkce();
        var redirect = await AuthorizeAsync(user, scope, challenge);
        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = PublicClient, Code = QueryValue(redirect, "code")!, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
        tokens.IsError.ShouldBeFalse(tokens.Error);
        return tokens;
    }

    public static string? QueryValue(Uri uri, string name) =>
        QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
