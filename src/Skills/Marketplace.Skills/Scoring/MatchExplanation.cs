namespace Marketplace.Skills.Scoring;

/// <summary>How a required or nice-to-have skill was met.</summary>
public enum SkillMatchKind
{
    Matched,
    BelowLevel,
    Inferred,
    Related,
    Missing,
}

/// <summary>The verdict for one skill of a posting: how it was met, the credit (0..1) and the points it earned; for a dealbreaker,
/// whether failing it excludes the profile.</summary>
public sealed record SkillVerdict(
    string SkillId,
    string SkillName,
    bool Required,
    int MinLevel,
    double Weight,
    SkillMatchKind Kind,
    double Credit,
    double Points,
    string? ViaSkillId,
    string? ViaSkillName,
    int? Level,
    double? Similarity,
    string Text,
    bool Dealbreaker = false,
    bool Excludes = false);

/// <summary>One part of the total: its points, its maximum and why.</summary>
public sealed record ScorePart(string Name, double Points, double MaxPoints, string Reason);

/// <summary>A score from 0 to 100 and everything that made it: per-skill verdicts, the parts that add up to it, hard mismatches, and
/// the dealbreakers the profile fails (any one excludes it from the posting's candidates, whatever the score).</summary>
public sealed record MatchExplanation(
    string ProfileId,
    string PostingId,
    double Score,
    IReadOnlyList<ScorePart> Parts,
    IReadOnlyList<SkillVerdict> Skills,
    IReadOnlyList<string> HardMismatches,
    IReadOnlyList<string> FailedDealbreakers)
{
    /// <summary>True when a dealbreaker is not met: the pair is no match in either direction.</summary>
    public bool Excluded => FailedDealbreakers.Count > 0;

    /// <summary>The score rounded to one decimal, as shown to people.</summary>
    public double Rounded => Math.Round(Score, 1, MidpointRounding.AwayFromZero);
}
