using Marketplace.BuildingBlocks.Web;
using Marketplace.Matching.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching.Web;

public sealed class MatchingModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        MyMatchesEndpoints.Map(endpoints);
        CandidatesEndpoints.Map(endpoints);
        ContactRequestsEndpoints.Map(endpoints);
    }
}
