using Marketplace.Jobs.Domain.Moderation;

namespace Marketplace.Jobs.Application.Moderation;

/// <summary>Where reports about postings are kept; implemented by the Jobs infrastructure.</summary>
public interface IReportRepository
{
    void Add(PostingReport report);

    Task<bool> HasOpenReportAsync(Guid postingId, Guid reporterId, CancellationToken cancellationToken);

    /// <summary>The open reports of a posting, to resolve them together.</summary>
    Task<IReadOnlyList<PostingReport>> ListOpenForUpdateAsync(Guid postingId, CancellationToken cancellationToken);

    /// <summary>The open reports of every posting, oldest first.</summary>
    Task<IReadOnlyList<PostingReport>> ListOpenAsync(int take, CancellationToken cancellationToken);

    Task<int> ForgetReporterAsync(Guid reporterId, CancellationToken cancellationToken);
}
