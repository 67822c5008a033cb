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

/// <summary>The verdict for one skill of a posting: how it was met, the credit (0..1) and the points it earned.</summary>
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
    string Text);

/// <summary>One part of the total: its points, its maximum and why.</summary>
public sealed record ScorePart(string Name, double Points, double MaxPoints, string Reason);

/// <summary>A score from 0 to 100 and everything that made it: per-skill verdicts, the parts that add up to it, hard mismatches.</summary>
public sealed record MatchExplanation(
    string ProfileId,
    string PostingId,
    double Score,
    IReadOnlyList<ScorePart> Parts,
    IReadOnlyList<SkillVerdict> Skills,
    IReadOnlyList<string> HardMismatches)
{
    /// <summary>The score rounded to one decimal, as shown to people.</summary>
    public double Rounded => Math.Round(Score, 1, MidpointRounding.AwayFromZero);
}
