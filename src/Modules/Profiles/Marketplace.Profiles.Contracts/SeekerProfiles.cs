namespace Marketplace.Profiles.Contracts;

/// <summary>A seeker's profile as other modules' pages read it (the Courses module's gap plan).</summary>
public interface ISeekerProfiles
{
    /// <summary>The profile as a ProfileChanged event would carry it now; null when the seeker has none yet.</summary>
    Task<ProfileChanged?> FindAsync(Guid seekerId, CancellationToken cancellationToken);
}
