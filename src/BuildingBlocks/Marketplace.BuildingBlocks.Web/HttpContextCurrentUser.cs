using System.Security.Claims;
using Marketplace.BuildingBlocks.Application;
using Microsoft.AspNetCore.Http;

namespace Marketplace.BuildingBlocks.Web;

/// <summary>The current user as the request's ClaimsPrincipal tells it; anonymous until the Identity module signs people in.</summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? UserId =>
        Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal?.FindFirstValue("sub"), out var id) ? id : null;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email) ?? Principal?.FindFirstValue("email");

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
