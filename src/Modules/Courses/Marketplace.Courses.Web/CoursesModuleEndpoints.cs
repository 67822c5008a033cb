using Marketplace.BuildingBlocks.Web;
using Marketplace.Courses.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Courses.Web;

public sealed class CoursesModuleEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) => SkillDemandEndpoints.Map(endpoints);
}
