using Marketplace.BuildingBlocks.Web;
using Marketplace.Matching.Application.Matches;
using Marketplace.Matching.Contracts;
using Marketplace.Profiles.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching.Web.Endpoints;

/// <summary>/api/v1/me/matches: the signed-in seeker's matches, under the scope of their own profile (the token says whose).</summary>
internal static class MyMatchesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/matches").WithTags("Matches").RequireAuthorization(ProfileApi.Policy);

        group.MapGet("/", async (ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = 20) =>
                (await sender.Send(new ListMyMatches(page, pageSize), cancellationToken)).ToHttpResult(TypedResults.Ok))
            .WithName("ListMyMatches")
            .WithSummary("Your best postings, best first, each with its score, parts and which skills matched, were inferred or are missing")
            .Produces<RankedPage<ProfileMatchView>>()
            .ProducesValidationProblem();

        group.MapGet("/{postingId:guid}", async (Guid postingId, ISender sender, CancellationToken cancellationToken) =>
                (await sender.Send(new ExplainMyMatch(postingId), cancellationToken)).ToHttpResult(TypedResults.Ok))
            .WithName("ExplainMyMatch")
            .WithSummary("How you match one posting, skill by skill, and the gaps that keep the score down")
            .Produces<MyMatchDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
