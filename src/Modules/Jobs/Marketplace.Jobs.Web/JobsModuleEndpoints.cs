using Marketplace.BuildingBlocks.Web;
using Marketplace.Jobs.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Jobs.Web;

public sealed class JobsModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        PostingsEndpoints.Map(endpoints);
        ApplicationsEndpoints.Map(endpoints);
    }
}
