using Marketplace.Jobs.Domain.Applications;
using Marketplace.Matching.Contracts;

namespace Marketplace.Jobs.Application.Matching;

/// <summary>One part of a match's score: its points of the most it could give.</summary>
public sealed record MatchPartDto(string Name, double Points, double MaxPoints);

/// <summary>How one of the posting's skills was met: Matched, Inferred, Related, BelowLevel or Missing, and why in words.</summary>
public sealed record MatchChipDto(string SkillId, string Name, string Kind, bool Required, string Text, string? Via, bool Dealbreaker);

/// <summary>
/// How a seeker matches a posting, as the Matching module explains it: the score (0 to 100; 0 when a dealbreaker excludes
/// them), its parts, every skill of the posting with how it was met, and the salary or place mismatches called out.
/// </summary>
public sealed record PostingMatchDto(
    double Score,
    bool Excluded,
    IReadOnlyList<MatchPartDto> Parts,
    IReadOnlyList<MatchChipDto> Skills,
    IReadOnlyList<string> HardMismatches,
    IReadOnlyList<string> FailedDealbreakers)
{
    public const string Matched = "Matched";
    public const string Inferred = "Inferred";
    public const string Related = "Related";
    public const string BelowLevel = "BelowLevel";
    public const string Missing = "Missing";

    /// <summary>A skill is not fully met: a plan of courses could raise the score.</summary>
    public bool HasGaps => Skills.Any(s => s.Kind != Matched);

    public IEnumerable<MatchChipDto> OfKind(string kind) => Skills.Where(s => s.Kind == kind);

    public static PostingMatchDto From(ExplainedMatch match) => new(
        match.Score,
        match.Excluded,
        [.. match.Parts.Select(p => new MatchPartDto(p.Name, p.Points, p.MaxPoints))],
        [.. match.Skills.Select(s => new MatchChipDto(s.SkillId, s.SkillName, s.Kind, s.Required, s.Text, s.ViaSkillName, s.Dealbreaker))],
        match.HardMismatches,
        match.FailedDealbreakers);

    /// <summary>What an application keeps of the match when the seeker applies: the score, each skill's verdict and credit, the parts and mismatches.</summary>
    public static MatchSnapshot Snapshot(ExplainedMatch match) => new(
        (decimal)Math.Round(match.Score, 1),
        [.. match.Skills.Select(s => new MatchSkill(s.SkillId, s.SkillName, s.Kind, (decimal)Math.Round(s.Credit, 3)))],
        [.. match.Parts.Select(p => new MatchPart(p.Name, (decimal)Math.Round(p.Points, 2), (decimal)Math.Round(p.MaxPoints, 2)))],
        [.. match.HardMismatches, .. match.FailedDealbreakers.Select(d => $"Dealbreaker not met: {d}")]);
}
