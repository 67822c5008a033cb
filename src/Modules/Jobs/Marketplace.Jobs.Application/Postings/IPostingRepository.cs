using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>Where postings are kept; implemented by the Jobs infrastructure.</summary>
public interface IPostingRepository
{
    void Add(JobPosting posting);

    /// <summary>
    /// Loads a posting to change it. With <paramref name="expectedVersion"/>, the store refuses the change unless the posting
    /// is still at that revision when it is written (the client's view, not this request's).
    /// </summary>
    Task<JobPosting?> GetForUpdateAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken);

    Task<JobPosting?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest published postings, optionally of one company (by name).</summary>
    Task<IReadOnlyList<JobPosting>> ListPublishedAsync(string? company, int skip, int take, CancellationToken cancellationToken);

    /// <summary>A company's postings (or, without a company, the employer's own), every status, newest change first.</summary>
    Task<IReadOnlyList<JobPosting>> ListManagedAsync(Guid? companyId, Guid employerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobPosting>> ListByEmployerAsync(Guid employerId, CancellationToken cancellationToken);

    /// <summary>Removes the link from an employer's postings to their (deleted) account; returns how many changed.</summary>
    Task<int> ForgetEmployerAsync(Guid employerId, CancellationToken cancellationToken);
}
