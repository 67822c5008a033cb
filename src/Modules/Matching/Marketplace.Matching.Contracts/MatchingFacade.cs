namespace Marketplace.Matching.Contracts;

/// <summary>One part of a score: its points of the maximum, and why.</summary>
public sealed record MatchPartView(string Name, double Points, double MaxPoints);

/// <summary>
/// The compact explanation shown with a listed match (made when the page is read): the posting's skills the profile matched,
/// inferred (from another skill it has), had below the level asked, or misses, and the hard mismatches (salary, place) called out.
/// </summary>
public sealed record MatchSummary(
    IReadOnlyList<string> Matched,
    IReadOnlyList<string> Inferred,
    IReadOnlyList<string> BelowLevel,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> HardMismatches);

/// <summary>A posting on a seeker's list: its rank, title, company, score (0 to 100), parts and compact explanation.</summary>
public sealed record ProfileMatchView(int Rank, Guid PostingId, string Title, string Company, double Score, IReadOnlyList<MatchPartView> Parts, MatchSummary Summary);

/// <summary>A candidate on a posting's list, by profile id only (names are the Profiles module's, shown only where allowed).</summary>
public sealed record CandidateView(int Rank, Guid ProfileId, double Score, IReadOnlyList<MatchPartView> Parts, MatchSummary Summary);

/// <summary>A page of a ranked list and how many there are in all.</summary>
public sealed record RankedPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>An employer's own ranking for a posting: skill weights that replace the posting's (0 leaves a skill out) and, when
/// given, the required skills that are dealbreakers instead of the posting's.</summary>
public sealed record CandidateRanking(IReadOnlyDictionary<string, double>? Weights = null, IReadOnlyCollection<string>? Dealbreakers = null);

/// <summary>How one skill of a posting was met: Matched, BelowLevel, Inferred, Related or Missing, with the skill it came through.</summary>
public sealed record SkillVerdictView(string SkillId, string SkillName, bool Required, int MinLevel, string Kind, double Credit, string? ViaSkillName, string Text, bool Dealbreaker, bool Excludes);

/// <summary>A whole explanation of one match.</summary>
public sealed record ExplainedMatch(Guid ProfileId, Guid PostingId, double Score, bool Excluded, IReadOnlyList<MatchPartView> Parts, IReadOnlyList<SkillVerdictView> Skills,
    IReadOnlyList<string> HardMismatches, IReadOnlyList<string> FailedDealbreakers);

/// <summary>A skill of a posting the profile does not fully meet: what it is worth, and the credit it has now.</summary>
public sealed record SkillGapView(string SkillId, string SkillName, bool Required, int MinLevel, double Weight, double CurrentCredit, bool Dealbreaker);

/// <summary>An open posting's score for a profile (0 to 100).</summary>
public sealed record PostingScoreView(Guid PostingId, double Score);

/// <summary>A skill at a level (1 to 5), as a course would teach it.</summary>
public sealed record LearnedSkillView(string SkillId, int Level);

/// <summary>A match's score now and with each set of skills added to the profile (a skill it has is raised, never lowered).</summary>
public sealed record ProjectedScores(double Now, IReadOnlyList<double> With);

/// <summary>Why a facade call could not answer.</summary>
public enum MatchingProblem
{
    None,
    UnknownProfile,
    UnknownPosting,
    InvalidRanking,
}

/// <summary>A candidates page, or the problem (with a message naming the field) that kept it from being made.</summary>
public sealed record CandidatesResult(RankedPage<CandidateView>? Page, MatchingProblem Problem = MatchingProblem.None, string? Message = null);

/// <summary>
/// Matching for the other modules' pages. Lists are the stored ones (kept fresh in the background); a ranking of the employer's own
/// and explanations are computed by the engine at once. Callers authorize: this facade does not know who is asking.
/// </summary>
public interface IMatchingFacade
{
    /// <summary>The profile's best postings, best first; a profile employers cannot find is matched live (its list is not stored).</summary>
    Task<RankedPage<ProfileMatchView>> MatchesOfProfileAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>The posting's best discoverable candidates; with a ranking, re-ranked by the engine with those weights and dealbreakers.</summary>
    Task<CandidatesResult> CandidatesOfPostingAsync(Guid postingId, CandidateRanking? ranking, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>One match explained whole; null when either side is unknown to matching.</summary>
    Task<ExplainedMatch?> ExplainAsync(Guid profileId, Guid postingId, CancellationToken cancellationToken);

    /// <summary>
    /// The profile's best open postings, best first, at most <paramref name="count"/> (up to 1,000), computed by the engine at
    /// once (the stored list keeps only the top few); empty when matching does not know the profile.
    /// </summary>
    Task<IReadOnlyList<PostingScoreView>> BestPostingsAsync(Guid profileId, int count, CancellationToken cancellationToken);

    /// <summary>The posting's skills the profile does not fully meet, most valuable first; null when either side is unknown.</summary>
    Task<IReadOnlyList<SkillGapView>?> GapsAsync(Guid profileId, Guid postingId, CancellationToken cancellationToken);

    /// <summary>The match's score now and, for each set of skills, the score the profile would have with them (unknown skill ids
    /// are ignored); null when either side is unknown. Scored by the same engine as the stored lists, so a plan's projection is
    /// the score the seeker's matches show once the skills are on the profile.</summary>
    Task<ProjectedScores?> ScoresWithAsync(Guid profileId, Guid postingId, IReadOnlyList<IReadOnlyList<LearnedSkillView>> additions, CancellationToken cancellationToken);
}
