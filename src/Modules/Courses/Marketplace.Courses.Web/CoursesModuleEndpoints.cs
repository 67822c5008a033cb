using Marketplace.Courses.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Courses.Web;

public static class CoursesModuleEndpoints
{
    public static IEndpointRouteBuilder MapCoursesModule(this IEndpointRouteBuilder app)
    {
        SkillDemandEndpoints.Map(app);
        return app;
    }
}
