using Marketplace.BuildingBlocks.Web;
using Marketplace.Matching.Application.Candidates.Contact;
using Marketplace.Matching.Application.Candidates.Requests;
using Marketplace.Matching.Contracts;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Matching.Web.Endpoints;

/// <summary>
/// /api/v1/postings/{id}/contact-requests: a company's client asks a candidate of its posting (by the key the candidates list gives,
/// candidates:write) to get in touch, and lists the requests it sent with their state (candidates:read); any other company's
/// posting answers 404, as on the candidates list.
/// </summary>
internal static class ContactRequestsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/postings/{id:guid}/contact-requests").WithTags("Candidates");

        group.MapGet("/", List)
            .RequireAuthorization(CandidatesApi.ReadPolicy)
            .WithName("ListContactRequests")
            .WithSummary("The contact requests your company sent about this posting, newest first, each Pending, Accepted or Declined")
            .Produces<IReadOnlyList<PostingContactRequestDto>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", Create)
            .RequireAuthorization(CandidatesApi.WritePolicy)
            .WithName("RequestCandidateContact")
            .WithSummary("Ask a candidate of this posting (its `candidateKey` from the candidates list) to get in touch; the seeker is mailed and accepts or declines")
            .WithDescription("A candidate is asked once per posting: asking again (also at the same moment as a colleague), after their answer, or after they applied answers 409.")
            .Produces<ContactRequestCreatedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> List(Guid id, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListPostingContactRequests(id), cancellationToken)).ToHttpResult(TypedResults.Ok);

    private static async Task<IResult> Create(Guid id, ContactRequestBody body, ISender sender, CancellationToken cancellationToken)
    {
        var sent = await sender.Send(new RequestCandidateContact(id, body.CandidateKey, body.Message), cancellationToken);
        return sent.IsFailure
            ? sent.ToProblem()
            : TypedResults.Created($"/api/v1/postings/{id}/contact-requests", new ContactRequestCreatedDto(body.CandidateKey!, sent.Value, "Pending"));
    }
}

/// <summary>Who to ask (the candidate's key on this posting) and an optional message for them (at most 1,000 characters).</summary>
public sealed record ContactRequestBody(string? CandidateKey, string? Message);

/// <summary>The request as sent: the candidate's key and label, and its state.</summary>
public sealed record ContactRequestCreatedDto(string CandidateKey, string Candidate, string Status);
