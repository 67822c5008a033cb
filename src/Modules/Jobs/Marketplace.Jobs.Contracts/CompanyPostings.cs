namespace Marketplace.Jobs.Contracts;

/// <summary>A posting as its own company sees it, whatever its status (drafts included).</summary>
public sealed record CompanyPostingView(Guid PostingId, Guid? CompanyId, string Title, string Company, string Status);

/// <summary>
/// The Jobs module's answer to other modules' employer pages (matching's candidates): which postings a user may work on as
/// a member of the owning company, and who applied to them.
/// </summary>
public interface ICompanyPostings
{
    /// <summary>The posting, when <paramref name="userId"/> is a member of the company that owns it (or, for a posting without a
    /// company, the employer who created it); null otherwise, so a caller answers another company's posting as not found.</summary>
    Task<CompanyPostingView?> FindForMemberAsync(Guid postingId, Guid userId, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="seekerIds"/> who applied to the posting (a withdrawn application counts: the company saw it).</summary>
    Task<IReadOnlySet<Guid>> ApplicantsAmongAsync(Guid postingId, IReadOnlyCollection<Guid> seekerIds, CancellationToken cancellationToken);
}
