namespace Marketplace.Profiles.Application.Import;

/// <summary>
/// Reading a CV parses an untrusted file, the dearest request a seeker can send: each seeker may read this many CVs per
/// window (uploads, pastes, the last CV again). Kept per process, so the bound on a cluster is this times its servers.
/// </summary>
public interface ICvReadingQuota
{
    public const int PerWindow = 30;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>Takes one read from the seeker's quota; false when it is spent for this window.</summary>
    bool TryTake(Guid userId);
}
