using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>Where profiles and CV texts are kept; implemented by the Profiles infrastructure.</summary>
public interface IProfileRepository
{
    void Add(SeekerProfile profile);

    /// <summary>Loads a profile to change it; the store refuses the change unless it is still at <paramref name="expectedRevision"/>.</summary>
    Task<SeekerProfile?> GetForUpdateAsync(Guid userId, long expectedRevision, CancellationToken cancellationToken);

    Task<SeekerProfile?> FindAsync(Guid userId, CancellationToken cancellationToken);

    void Add(CvDocument cv);

    Task<CvDocument?> GetCvForUpdateAsync(Guid userId, CancellationToken cancellationToken);

    Task<CvDocument?> FindCvAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Deletes the seeker's profile and CV text; returns the revision the profile had, or null when there was none.</summary>
    Task<long?> DeleteAsync(Guid userId, CancellationToken cancellationToken);
}
