using Marketplace.Matching.Domain.Projections;

namespace Marketplace.Matching.Application.Projections;

/// <summary>Where the projections are kept, with their change feed; implemented by the Matching infrastructure.</summary>
public interface IProjectionStore
{
    /// <summary>
    /// Stores the profile when its revision is above the stored one, inside the current unit of work, and gives it the next
    /// position of the change feed (positions follow commit order); returns the position, or null for a stale revision.
    /// </summary>
    Task<long?> ApplyAsync(ProfileProjection profile, CancellationToken cancellationToken);

    /// <summary>The same for a posting.</summary>
    Task<long?> ApplyAsync(PostingProjection posting, CancellationToken cancellationToken);
}
