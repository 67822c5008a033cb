using Marketplace.Courses.Application.SkillDemand;
using Marketplace.Identity.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Courses.Web.Endpoints;

/// <summary>/api/v1/skill-demand: for admins (a bearer token of a user in the Admin role).</summary>
internal static class SkillDemandEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/skill-demand").WithTags("Skill demand")
            .MapGet("/", async (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListSkillDemand(), cancellationToken)))
            .RequireAuthorization(AuthorizationPolicies.ApiAdmin)
            .WithName("ListSkillDemand")
            .WithSummary("How many postings ask for each skill, most asked-for first");
    }
}
