using Marketplace.BuildingBlocks.Web;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Identity.Web;

public sealed class IdentityModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapIdentityModule();
}
