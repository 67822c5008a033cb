using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

/// <summary>Where postings are kept; implemented by the Jobs infrastructure.</summary>
public interface IPostingRepository
{
    void Add(JobPosting posting);

    /// <summary>Loads a posting to change it; the store will refuse the change unless it is still at <paramref name="expectedVersion"/>.</summary>
    Task<JobPosting?> GetForUpdateAsync(Guid id, uint expectedVersion, CancellationToken cancellationToken);

    Task<JobPosting?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobPosting>> ListAsync(string? company, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobPosting>> ListByEmployerAsync(Guid employerId, CancellationToken cancellationToken);

    /// <summary>Removes the link from an employer's postings to their (deleted) account; returns how many changed.</summary>
    Task<int> ForgetEmployerAsync(Guid employerId, CancellationToken cancellationToken);
}
