using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Matching.Application.Candidates.Requests;

/// <summary>The contact requests the posting's company sent, newest first, each with the candidate's key on this posting and its state.</summary>
public sealed record ListPostingContactRequests(Guid PostingId) : IQuery<Result<IReadOnlyList<PostingContactRequestDto>>>;

/// <summary>A request as its company sees it: the candidate by key and label only (their name is on the candidates list once they accept).</summary>
public sealed record PostingContactRequestDto(Guid Id, string CandidateKey, string Candidate, string Status, string? Message, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);

public sealed class ListPostingContactRequestsHandler(CandidateAccess access, ICandidateStore store, ICandidatePseudonymSource pseudonyms)
    : IQueryHandler<ListPostingContactRequests, Result<IReadOnlyList<PostingContactRequestDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PostingContactRequestDto>>> Handle(ListPostingContactRequests query, CancellationToken cancellationToken)
    {
        var allowed = await access.PostingAsync(query.PostingId, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result<IReadOnlyList<PostingContactRequestDto>>.Failure(allowed.Errors);
        }

        var names = await pseudonyms.GetAsync(cancellationToken);
        var requests = await store.RequestsOfPostingAsync(query.PostingId, cancellationToken);
        return Result.Success<IReadOnlyList<PostingContactRequestDto>>([.. requests.OrderByDescending(r => r.RequestedAt).Select(r =>
        {
            var key = names.KeyOf(r.PostingId, r.ProfileId);
            return new PostingContactRequestDto(r.Id, key, CandidatePseudonyms.LabelOf(key), r.Status.ToString(), r.Message, r.RequestedAt, r.AnsweredAt);
        })]);
    }
}
