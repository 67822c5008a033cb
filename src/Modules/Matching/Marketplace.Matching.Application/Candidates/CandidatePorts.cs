using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Candidates;

namespace Marketplace.Matching.Application.Candidates;

/// <summary>A skill of a posting as the employer's ranking form shows it: the posting's own weight and dealbreaker flag.</summary>
public sealed record PostingSkillView(string SkillId, string Name, bool Required, int MinLevel, int Weight, bool Dealbreaker);

/// <summary>What matching's engine knows of a posting: whether it is open, and the skills it asks for.</summary>
public sealed record PostingRequirementsView(Guid PostingId, bool IsOpen, IReadOnlyList<PostingSkillView> Skills);

/// <summary>The engine, for the candidates pages: a posting's requirements, who is a candidate, and explanations under a ranking.</summary>
public interface ICandidateEngine
{
    /// <summary>Null while matching has not seen the posting (a draft, or just published).</summary>
    Task<PostingRequirementsView?> RequirementsAsync(Guid postingId, CancellationToken cancellationToken);

    /// <summary>True when the profile is in employers' candidate search (discoverable, not removed).</summary>
    Task<bool> IsCandidateAsync(Guid profileId, CancellationToken cancellationToken);

    /// <summary>Each profile's match of the posting explained under the ranking (null ranking: the posting's own).</summary>
    Task<IReadOnlyDictionary<Guid, ExplainedMatch>> ExplainAsync(Guid postingId, IReadOnlyCollection<Guid> profileIds, CandidateRanking? ranking, CancellationToken cancellationToken);
}

/// <summary>Where contact requests and saved rankings are kept; implemented by the Matching infrastructure.</summary>
public interface ICandidateStore
{
    void Add(ContactRequest request);

    void Add(SavedRanking ranking);

    void Remove(SavedRanking ranking);

    Task<IReadOnlyList<ContactRequest>> RequestsOfPostingAsync(Guid postingId, CancellationToken cancellationToken);

    Task<ContactRequest?> FindRequestAsync(Guid postingId, Guid profileId, CancellationToken cancellationToken);

    Task<ContactRequest?> GetRequestForUpdateAsync(Guid requestId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContactRequest>> RequestsOfSeekerAsync(Guid profileId, CancellationToken cancellationToken);

    Task<SavedRanking?> FindRankingAsync(Guid postingId, bool forUpdate, CancellationToken cancellationToken);

    /// <summary>Erases a deleted seeker's requests and the member's name from what they asked or saved; returns the rows changed.</summary>
    Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>The pseudonyms of this installation (their key is the Matching infrastructure's, kept sealed in its schema).</summary>
public interface ICandidatePseudonymSource
{
    Task<CandidatePseudonyms> GetAsync(CancellationToken cancellationToken);
}
