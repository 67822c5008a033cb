using Marketplace.Jobs.Application.Applications;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Jobs.Application.Postings.Get;

/// <summary>Who may work on a posting for its company, by the same rule as the pipeline (<see cref="PipelineAccess"/>).</summary>
public sealed class CompanyPostings(IPostingRepository postings, ICompanyRepository companies, IApplicationRepository applications) : ICompanyPostings
{
    public async Task<CompanyPostingView?> FindForMemberAsync(Guid postingId, Guid userId, CancellationToken cancellationToken)
    {
        var posting = await postings.FindAsync(postingId, cancellationToken);
        if (posting is null)
        {
            return null;
        }

        var member = posting.CompanyId is { } companyId
            ? (await companies.GetAsync(companyId, cancellationToken))?.MemberOf(userId) is not null
            : posting.EmployerId == userId;
        return member ? new CompanyPostingView(posting.Id, posting.CompanyId, posting.Title, posting.Company, posting.Status.ToString()) : null;
    }

    public Task<IReadOnlySet<Guid>> ApplicantsAmongAsync(Guid postingId, IReadOnlyCollection<Guid> seekerIds, CancellationToken cancellationToken) =>
        applications.ApplicantsAmongAsync(postingId, seekerIds, cancellationToken);
}
