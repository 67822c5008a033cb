using Marketplace.BuildingBlocks.Web;
using Marketplace.Profiles.Application.Skills.Suggest;
using Marketplace.Profiles.Application.Taxonomy;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Profiles.Web.Endpoints;

/// <summary>
/// /api/v1/skills/suggestions?q=postg: the skill pickers' typeahead (the profile page's script, and any skill picker).
/// The taxonomy is public, so anyone may ask; answers may be cached for a few minutes.
/// </summary>
internal static class SkillSuggestionEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/skills/suggestions", Suggest)
            .WithTags("Skills")
            .AllowAnonymous()
            .WithName("SuggestSkills")
            .WithSummary("Canonical skills for what someone is typing (names, aliases such as 'k8s' or 'postgres', word starts), best first")
            .Produces<IReadOnlyList<SkillSuggestion>>()
            .ProducesValidationProblem();

    private static async Task<IResult> Suggest(string? q, int? limit, HttpContext http, ISender sender, CancellationToken cancellationToken)
    {
        var suggestions = await sender.Send(new SuggestSkills(q, limit ?? 8), cancellationToken);
        if (suggestions.IsSuccess)
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
        }

        return suggestions.ToHttpResult(TypedResults.Ok);
    }
}
