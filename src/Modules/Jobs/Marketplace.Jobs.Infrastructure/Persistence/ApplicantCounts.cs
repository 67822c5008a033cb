using Marketplace.Jobs.Application.Postings.List;

namespace Marketplace.Jobs.Infrastructure.Persistence;

/// <summary>
/// Applications do not exist yet (they are the next part of this module), so every posting has none. When they land, this
/// becomes one grouped count over the applications table for the given postings.
/// </summary>
internal sealed class ApplicantCounts : IApplicantCounts
{
    public Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());
}
