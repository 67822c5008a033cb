using Marketplace.BuildingBlocks.Web;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Applications.Move;
using Marketplace.Jobs.Application.Applications.Pipeline;
using Marketplace.Jobs.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Jobs.Web.Endpoints;

/// <summary>
/// Applicant tracking systems read a posting's applications (applications:read) and move one through the pipeline
/// (applications:write), for their own company's postings only: any other posting answers 404.
/// </summary>
internal static class ApplicationsEndpoints
{
    /// <summary>The stage to move to, the reason the applicant reads (required to reject) and the version read (409 when stale).</summary>
    public sealed record StageChangeRequest(string? Stage, string? Reason = null, int? Version = null);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/postings/{id:guid}/applications").WithTags("Applications");

        group.MapGet("/", List)
            .RequireAuthorization(AuthorizationPolicies.ApiApplicationsRead)
            .WithName("ListApplications")
            .WithSummary("A posting's applications, oldest first, optionally at one stage, with each one's history and the company's notes")
            .Produces<PipelineDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{applicationId:guid}/stage", ChangeStage)
            .RequireAuthorization(ApplicationsApi.WritePolicy)
            .WithName("ChangeApplicationStage")
            .WithSummary("Move an application to Applied, Screening, Interview, Offer, Hired or Rejected (with a reason); a stale version answers 409")
            .Produces<ApplicantDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List(Guid id, string? stage, int? page, int? pageSize, string? sort, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListApplicants(id, stage, page ?? 1, pageSize ?? 50, sort), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> ChangeStage(Guid id, Guid applicationId, StageChangeRequest request, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new MoveApplications(id, [new ApplicationToMove(applicationId, request.Version)], request.Stage, request.Reason), cancellationToken))
        .ToHttpResult(outcome => TypedResults.Ok(outcome.Moved[0]));
}
