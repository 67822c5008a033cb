using Marketplace.BuildingBlocks.Web;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.Create;
using Marketplace.Jobs.Application.Postings.Edit;
using Marketplace.Jobs.Application.Postings.Get;
using Marketplace.Jobs.Application.Postings.List;
using Marketplace.Jobs.Application.Postings.Manage;
using Marketplace.Jobs.Application.Search;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Jobs.Web.Endpoints;

/// <summary>
/// /api/v1/postings, for bearer tokens: reading needs the jobs:read scope; writing, publishing, renewing and closing an
/// employer's token with jobs:write. Skills go in as canonical ids or as people write them; an unknown one is a 400 that
/// names it. Every change answers the stored posting, with the version to send back next time.
/// </summary>
internal static class PostingsEndpoints
{
    /// <summary>The version read (optional: without it the change applies to whatever is current) and, to close, why.</summary>
    public sealed record PostingActionRequest(int? Version = null, string? Reason = null);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/postings").WithTags("Postings");

        group.MapPost("/", Create)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsWrite)
            .WithName("CreatePosting")
            .WithSummary("Write a posting: published at once, or kept as a draft with \"publish\": false")
            .Produces<PostingDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        group.MapGet("/", List)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsRead)
            .WithName("ListPostings")
            .WithSummary("The newest published postings first, optionally of one company")
            .Produces<IReadOnlyList<PostingDto>>()
            .ProducesValidationProblem();

        group.MapGet("/search", Search)
            .AllowAnonymous()
            .WithName("SearchPostings")
            .WithSummary("Search published postings: words (\"phrases\", -word, or), skills as people write them, filters, facets; keyset pages through \"next\"")
            .Produces<SearchResultsDto>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", Get)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsRead)
            .WithName("GetPosting")
            .WithSummary("Read a posting, with the version to send back when changing it")
            .Produces<PostingDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}", Edit)
            .RequireAuthorization(AuthorizationPolicies.ApiJobsWrite)
            .WithName("EditPosting")
            .WithSummary("Edit a posting at the version you read (and publish a draft with \"publish\": true); a stale version answers 409")
            .Produces<PostingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        MapAction(group, "publish", PostingAction.Publish, "PublishPosting", "Publish a draft for 30 days");
        MapAction(group, "renew", PostingAction.Renew, "RenewPosting", "Run a published or expired posting for another 30 days from now");
        MapAction(group, "close", PostingAction.Close, "ClosePosting", "Close a posting as Filled or Withdrawn (\"reason\")");
    }

    private static void MapAction(RouteGroupBuilder group, string path, PostingAction action, string name, string summary) =>
        group.MapPost($"/{{id:guid}}/{path}", (Guid id, PostingActionRequest? request, ISender sender, CancellationToken cancellationToken) =>
                Act(id, action, request, sender, cancellationToken))
            .RequireAuthorization(AuthorizationPolicies.ApiJobsWrite)
            .WithName(name)
            .WithSummary(summary)
            .Produces<PostingDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Create(CreatePosting command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToHttpResult(posting => TypedResults.Created($"/api/v1/postings/{posting.Id}", posting));

    private static async Task<IResult> List(string? company, int? page, int? pageSize, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListPostings(company, page ?? 1, pageSize ?? 20), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Search(
        string? q,
        string? skills,
        string[]? workMode,
        string[]? seniority,
        string? country,
        decimal? minSalary,
        string? currency,
        int? postedWithin,
        string? sort,
        string? after,
        int? pageSize,
        bool? facets,
        ISender sender,
        CancellationToken cancellationToken) =>
        (await sender.Send(
            new SearchPostings(q, skills, workMode, seniority, country, minSalary, currency, postedWithin, sort, after, pageSize, facets ?? true),
            cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Get(Guid id, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPosting(id), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Edit(Guid id, EditPosting command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command with { Id = id }, cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Act(Guid id, PostingAction action, PostingActionRequest? request, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ManagePosting(id, action.ToString(), request?.Reason, request?.Version), cancellationToken)).ToHttpResult(TypedResults.Ok);
}
