using Marketplace.Jobs.Web.Endpoints;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Jobs.Web;

public static class JobsModuleEndpoints
{
    public static IEndpointRouteBuilder MapJobsModule(this IEndpointRouteBuilder app)
    {
        PostingsEndpoints.Map(app);
        return app;
    }
}
