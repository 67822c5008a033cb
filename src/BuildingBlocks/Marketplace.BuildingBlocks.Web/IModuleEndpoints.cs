using Microsoft.AspNetCore.Routing;

namespace Marketplace.BuildingBlocks.Web;

/// <summary>
/// A module's HTTP endpoints: one implementation in each module's Web project, which the host finds through the module's
/// descriptor and maps (its Razor pages come with the host's MapRazorPages).
/// </summary>
public interface IModuleEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
