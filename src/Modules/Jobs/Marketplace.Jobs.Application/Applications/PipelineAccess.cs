using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Applications;

/// <summary>
/// Who sees a posting's applicants: the members of the company that owns it (or the employer who created a posting without
/// a company), and nobody else, admins included. Everyone else is told the posting has no pipeline to show (404).
/// </summary>
public sealed class PipelineAccess(IPostingRepository postings, ICompanyRepository companies, ICurrentUser currentUser)
{
    public Guid? UserId => currentUser.UserId;

    public async Task<Result<JobPosting>> PostingAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(postingId, cancellationToken);
        if (posting is null || currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.Employer))
        {
            return Error.NotFound("posting", postingId);
        }

        var member = posting.CompanyId is { } companyId
            ? (await companies.GetAsync(companyId, cancellationToken))?.MemberOf(userId) is not null
            : posting.EmployerId == userId;
        return member ? posting : Error.NotFound("posting", postingId);
    }

    /// <summary>Whose rejection reasons a posting uses: its company's, or its employer's when it has no company.</summary>
    public static Guid OwnerOf(JobPosting posting) => posting.CompanyId ?? posting.EmployerId ?? posting.Id;
}
