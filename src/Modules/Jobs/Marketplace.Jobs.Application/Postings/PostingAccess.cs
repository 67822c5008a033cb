using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Companies;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>
/// Who may manage a posting: any member of the company that owns it (or, for a posting without a company, the employer
/// who created it), and admins. Everyone else is told the posting does not exist, unless it is public.
/// </summary>
public sealed class PostingAccess(IPostingRepository postings, ICompanyRepository companies, ICurrentUser currentUser)
{
    public async Task<bool> CanManageAsync(JobPosting posting, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return false;
        }

        if (currentUser.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (posting.CompanyId is { } companyId)
        {
            return (await companies.GetAsync(companyId, cancellationToken))?.MemberOf(userId) is not null;
        }

        return posting.EmployerId == userId;
    }

    /// <summary>The posting, when the current user may manage it; otherwise NotFound (or Forbidden when it is public, so nothing leaks).</summary>
    public async Task<Result<JobPosting>> ManagedAsync(JobPosting? posting, Guid id, CancellationToken cancellationToken)
    {
        if (posting is null)
        {
            return Error.NotFound("posting", id);
        }

        if (await CanManageAsync(posting, cancellationToken))
        {
            return posting;
        }

        return posting.IsPublic
            ? Error.Forbidden("Only the members of the company that owns this posting may change it.")
            : Error.NotFound("posting", id);
    }

    /// <summary>
    /// The posting, loaded to change it, when the current user may manage it and (with <paramref name="version"/>) it is
    /// still at the version the client read; who may is checked first, so someone outside learns nothing from a 409.
    /// </summary>
    public async Task<Result<JobPosting>> ForChangeAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(await postings.GetForUpdateAsync(id, version, cancellationToken), id, cancellationToken);
        if (managed.IsSuccess && version is { } expected && managed.Value.Revision != expected)
        {
            return PostingChanges.Stale;
        }

        return managed;
    }

    /// <summary>The id and name of the company the current user belongs to, if any (one light query: every write of a posting asks).</summary>
    public async Task<CompanyName?> CurrentCompanyAsync(CancellationToken cancellationToken) =>
        currentUser.UserId is { } userId ? await companies.FindNameByMemberAsync(userId, cancellationToken) : null;
}
