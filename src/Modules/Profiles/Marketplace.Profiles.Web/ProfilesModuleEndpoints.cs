using Marketplace.BuildingBlocks.Web;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web;

/// <summary>The Profiles module has no endpoints yet; the host already maps this class, so they only need adding here.</summary>
public sealed class ProfilesModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
    }
}
