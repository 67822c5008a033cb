using System.Security.Claims;
using Marketplace.BuildingBlocks.Application;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>
/// The current user from the request's principal: the cookie's claims for pages, the access token's for the API. A
/// client-credentials token acts for the employer who created the client (the <see cref="OwnerClaim"/>).
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string OwnerClaim = "marketplace_owner";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId
    {
        get
        {
            if (!IsAuthenticated || Principal is not { } principal)
            {
                return null;
            }

            var value = principal.FindFirstValue(OwnerClaim)
                ?? principal.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? principal.FindFirstValue("sub");
            return Guid.TryParse(value, out var id) ? id : null;
        }
    }

    public string? Email => IsAuthenticated && Principal is { } principal
        ? principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue("email")
        : null;

    public bool IsInRole(string role) =>
        IsAuthenticated && (Principal!.IsInRole(role) || Principal.HasClaim("role", role) || Principal.HasClaim(ClaimTypes.Role, role));
}
