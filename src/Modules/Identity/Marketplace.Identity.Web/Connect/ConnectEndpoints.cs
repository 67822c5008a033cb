using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.ApiClients;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Web.Connect;

/// <summary>
/// The authorization and token endpoints. OpenIddict has already validated the request (client, redirect URI, PKCE,
/// grant, scopes) when these run; they decide who the token is for.
/// </summary>
internal static class ConnectEndpoints
{
    public const string OwnerClaim = "marketplace_owner";

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapPost("/connect/token", TokenAsync).ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, IAccountSessions accounts, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this authorization request.");

        // First-party clients only, so no consent screen: a signed-in user is issued a code at once.
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (!Guid.TryParse(cookie.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await accounts.FindActiveAsync(userId, cancellationToken) is not { } account)
        {
            return Results.Challenge(properties: null, [IdentityConstants.ApplicationScheme]);
        }

        return SignInUser(account, request.GetScopes());
    }

    private static async Task<IResult> TokenAsync(HttpContext context, IAccountSessions accounts, IApiClients apiClients, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server did not handle this token request.");

        if (request.IsClientCredentialsGrantType())
        {
            var owner = await apiClients.OwnerOfAsync(request.ClientId!, cancellationToken);
            if (owner is null || await accounts.FindActiveAsync(owner.Value, cancellationToken) is not { } employer
                || !employer.Roles.Contains(Roles.Employer))
            {
                return Forbid(Errors.InvalidClient, "This client no longer acts for an active employer.");
            }

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(OwnerClaim, employer.Id.ToString())
                .SetClaims(Claims.Role, [Roles.Employer]);
            // OpenIddict has checked the requested scopes against the client's permissions.
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (!Guid.TryParse(result.Principal?.GetClaim(Claims.Subject), out var userId)
                || await accounts.FindActiveAsync(userId, cancellationToken) is not { } account)
            {
                return Forbid(Errors.InvalidGrant, "The account is no longer active.");
            }

            return SignInUser(account, result.Principal!.GetScopes());
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static IResult SignInUser(AccountSummary account, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Email, account.Email)
            .SetClaim(Claims.Name, account.Email)
            .SetClaims(Claims.Role, [.. account.Roles]);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
