using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Matching.Application.Candidates;

/// <summary>
/// Who sees a posting's candidates: the employers who are members of the company that owns it (Jobs decides, by the pipeline's
/// rule), nobody else, admins included. Everyone else is told the posting does not exist (404), so nothing leaks.
/// </summary>
public sealed class CandidateAccess(ICompanyPostings postings, ICurrentUser currentUser)
{
    public async Task<Result<(CompanyPostingView Posting, Guid MemberId)>> PostingAsync(Guid postingId, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.Employer))
        {
            return Error.NotFound("posting", postingId);
        }

        return await postings.FindForMemberAsync(postingId, userId, cancellationToken) is { } posting
            ? (posting, userId)
            : Error.NotFound("posting", postingId);
    }
}
