using Marketplace.Matching.Contracts;

namespace Marketplace.Matching.Application.Candidates;

/// <summary>A skill on the ranking form: the posting's weight and dealbreaker, and the ones the list is ranked by now.</summary>
public sealed record RankingSkillDto(string SkillId, string Name, bool Required, int MinLevel, int PostingWeight, bool PostingDealbreaker, int Weight, bool Dealbreaker);

/// <summary>How a skill of the posting was met: Matched, Inferred (from <see cref="Via"/>), Related (via <see cref="Via"/>), BelowLevel or Missing.</summary>
public sealed record CandidateSkillDto(string Name, string Kind, string? Via, bool Required, bool Dealbreaker);

/// <summary>Who a candidate is, shown only once they applied to the posting or accepted the company's contact request.</summary>
public sealed record CandidateIdentityDto(string Name, string? Email, string? Headline, string Because);

/// <summary>
/// One ranked candidate. <see cref="CandidateKey"/> and <see cref="Label"/> name them on this posting only; <see cref="Identity"/>
/// is null until they applied or accepted contact. <see cref="Contact"/> is None, Pending, Accepted, Declined or Applied.
/// </summary>
public sealed record CandidateDto(
    int Rank,
    string CandidateKey,
    string Label,
    double Score,
    IReadOnlyList<MatchPartView> Parts,
    IReadOnlyList<CandidateSkillDto> Skills,
    IReadOnlyList<string> HardMismatches,
    string Contact,
    CandidateIdentityDto? Identity);

/// <summary>
/// A page of a posting's best candidates under a ranking (<see cref="RankedBy"/>: Posting, Saved or Adjusted), with the skills
/// that ranking weighs. <see cref="Total"/> counts the ranked list (the best the engine keeps for a posting).
/// </summary>
public sealed record CandidatesDto(
    Guid PostingId,
    string Title,
    string Company,
    string Status,
    bool KnownToMatching,
    string RankedBy,
    DateTimeOffset? SavedAt,
    IReadOnlyList<RankingSkillDto> Skills,
    IReadOnlyList<CandidateDto> Items,
    int Page,
    int PageSize,
    int Total);

/// <summary>A contact request as the seeker answers it.</summary>
public sealed record MyContactRequestDto(Guid Id, Guid PostingId, string PostingTitle, string Company, string? Message, string Status, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);
