using Marketplace.Profiles.Contracts;

namespace Marketplace.Profiles.Application.Profiles.Get;

/// <summary>The Profiles module's answer to other modules asking for a seeker's profile.</summary>
public sealed class SeekerProfiles(IProfileRepository profiles, TimeProvider clock) : ISeekerProfiles
{
    public async Task<ProfileChanged?> FindAsync(Guid seekerId, CancellationToken cancellationToken) =>
        await profiles.FindAsync(seekerId, cancellationToken) is { } profile ? ProfileEventsMapping.Changed(profile, clock.GetUtcNow()) : null;
}
