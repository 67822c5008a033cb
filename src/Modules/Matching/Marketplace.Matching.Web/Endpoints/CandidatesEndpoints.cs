using System.Globalization;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Web;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Application.Candidates.List;
using Marketplace.Matching.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching.Web.Endpoints;

/// <summary>
/// /api/v1/postings/{id}/candidates: a posting's ranked candidates for its own company's client (candidates:read), pseudonymous
/// as on the page; any other company's posting answers 404.
/// </summary>
internal static class CandidatesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/postings/{id:guid}/candidates", List)
            .WithTags("Candidates")
            .RequireAuthorization(CandidatesApi.ReadPolicy)
            .WithName("ListCandidates")
            .WithSummary("A posting's best discoverable candidates, best first, each explained skill by skill; name and email only for those who applied or accepted your contact request")
            .WithDescription("Ranked by the posting's weights, by your company's saved ones, or by `weights` (`skill:weight` pairs, 1 to 10, comma-separated, by skill id as the posting's `skills` give them) and `dealbreakers` (required skill ids, comma-separated; empty for none). A candidate is named by `candidateKey`, stable for this posting only.")
            .Produces<CandidatesDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(Guid id, ISender sender, CancellationToken cancellationToken, int page = 1, int pageSize = 10, string? weights = null,
        string? dealbreakers = null)
    {
        if (ParseWeights(weights) is not { } parsed)
        {
            return Result.Failure(Error.Validation("weights", "weights are skill:weight pairs separated by commas, each weight a whole number from 1 to 10, e.g. csharp:8,docker:2.")).ToProblem();
        }

        IReadOnlyList<string>? breakers = dealbreakers is null ? null : [.. dealbreakers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return (await sender.Send(new ListCandidates(id, weights is null ? null : parsed, breakers, page, pageSize), cancellationToken)).ToHttpResult(TypedResults.Ok);
    }

    // Null for a malformed list; an absent one is an empty dictionary (and means "not adjusted").
    private static Dictionary<string, int>? ParseWeights(string? weights)
    {
        var parsed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in (weights ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(pair[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || !parsed.TryAdd(pair[..colon].Trim(), weight))
            {
                return null;
            }
        }

        return parsed;
    }
}
