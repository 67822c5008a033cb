using Marketplace.BuildingBlocks.Web;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.Edit;
using Marketplace.Jobs.Application.Postings.Get;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Application.Postings.Publish;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Jobs.Web.Endpoints;

/// <summary>
/// /api/v1/postings, for bearer tokens: reading needs the jobs:read scope, publishing and editing an employer's token
/// with jobs:write. Who is asking goes through ICurrentUser.
/// </summary>
internal static class PostingsEndpoints
{
    public sealed record EditPostingRequest(
        uint Version,
        string? Title,
        string? Company,
        string? Description,
        string? Seniority,
        string? Location,
        string? WorkMode,
        SalaryInput? Salary,
        IReadOnlyList<SkillRequirementInput>? RequiredSkills,
        IReadOnlyList<SkillRequirementInput>? NiceToHaveSkills);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/postings").WithTags("Postings");

        group.MapPost("/", Publish)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsWrite)
            .WithName("PublishPosting")
            .WithSummary("Publish a job posting")
            .Produces<PostingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapGet("/", List)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsRead)
            .WithName("ListPostings")
            .WithSummary("The newest postings first, optionally of one company")
            .Produces<IReadOnlyList<PostingDto>>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", Get)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsRead)
            .WithName("GetPosting")
            .WithSummary("Read a posting, with the version to send back when editing it")
            .Produces<PostingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", Edit)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsWrite)
            .WithName("EditPosting")
            .WithSummary("Edit a posting at the version you read; a stale version answers 409")
            .Produces<PostingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Publish(PublishPosting command, ISender sender, CancellationToken cancellationToken)
    {
        var published = await sender.Send(command, cancellationToken);
        if (published.IsFailure)
        {
            return published.ToProblem();
        }

        return (await sender.Send(new GetPosting(published.Value), cancellationToken))
            .ToHttpResult(posting => TypedResults.Created($"/api/v1/postings/{posting.Id}", posting));
    }

    private static async Task<IResult> List(string? company, int? page, int? pageSize, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListPostings(company, page ?? 1, pageSize ?? 20), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Get(Guid id, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPosting(id), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Edit(Guid id, EditPostingRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var edited = await sender.Send(
            new EditPosting(
                id,
                request.Version,
                request.Title,
                request.Company,
                request.Description,
                request.Seniority,
                request.Location,
                request.WorkMode,
                request.Salary,
                request.RequiredSkills,
                request.NiceToHaveSkills),
            cancellationToken);
        if (edited.IsFailure)
        {
            return edited.ToProblem();
        }

        return (await sender.Send(new GetPosting(id), cancellationToken)).ToHttpResult(TypedResults.Ok);
    }
}
