using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Web.Api;

public sealed record TokenIdentity(Guid? UserId, string? ClientId, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles);

internal static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/identity").WithTags("Identity").RequireAuthorization(AuthorizationPolicies.Api);
        api.MapGet("/me", (HttpContext context, ICurrentUser user) => TypedResults.Ok(new TokenIdentity(
                user.UserId,
                context.User.GetClaim(Claims.ClientId),
                [.. context.User.GetScopes()],
                [.. context.User.GetClaims(Claims.Role)])))
            .WithName("GetTokenIdentity")
            .WithSummary("Who the bearer token acts for: the user (or the employer owning the client), the client and the scopes.");
        return endpoints;
    }
}
