using Marketplace.Matching.Domain.Digests;

namespace Marketplace.Matching.Application.Digests;

/// <summary>The seekers' digest choices and what their digests held; implemented by the Matching infrastructure.</summary>
public interface IMatchDigests
{
    Task<MatchDigest?> FindAsync(Guid profileId, CancellationToken cancellationToken);

    void Add(MatchDigest digest);

    /// <summary>The seeker's digest (the defaults stored first when they never chose), locked until the transaction ends, so two
    /// sweeps (a retry, a second server) never send one seeker's digest twice.</summary>
    Task<MatchDigest> LockAsync(Guid profileId, CancellationToken cancellationToken);

    /// <summary>Which of these postings were already in one of the seeker's digests.</summary>
    Task<IReadOnlySet<Guid>> AlreadyDigestedAsync(Guid profileId, IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken);

    void AddDigested(IEnumerable<DigestedMatch> matches);
}

/// <summary>The links in a digest; a seeker's profile id is their user id, so the token names both.</summary>
public interface IDigestUnsubscribeTokens
{
    string For(Guid profileId);

    Guid? Read(string? token);
}
