using Marketplace.BuildingBlocks.Domain;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Candidates;

namespace Marketplace.Matching.Application.Candidates;

/// <summary>
/// Which ranking a candidates list uses: the employer's adjustment when they send one (weights they leave out keep the posting's;
/// dealbreakers left out keep the posting's), else the one saved for the posting, else the posting's own.
/// </summary>
public static class RankingChoice
{
    public const string Posting = "Posting";
    public const string Saved = "Saved";
    public const string Adjusted = "Adjusted";

    public sealed record Chosen(CandidateRanking? Ranking, string RankedBy, IReadOnlyList<RankingSkillDto> Skills);

    public static Result<Chosen> Resolve(PostingRequirementsView posting, IReadOnlyDictionary<string, int>? weights, IReadOnlyList<string>? dealbreakers, SavedRanking? saved)
    {
        var problems = Check(posting, weights, dealbreakers);
        if (problems.Count > 0)
        {
            return Result<Chosen>.Failure(problems);
        }

        string rankedBy;
        if (weights is not null || dealbreakers is not null)
        {
            rankedBy = Adjusted;
        }
        else if (saved is not null)
        {
            (weights, dealbreakers) = saved.For([.. posting.Skills.Select(s => s.SkillId)], [.. posting.Skills.Where(s => s.Required).Select(s => s.SkillId)]);
            rankedBy = Saved;
        }
        else
        {
            return new Chosen(null, Posting, [.. posting.Skills.Select(s => new RankingSkillDto(s.SkillId, s.Name, s.Required, s.MinLevel, s.Weight, s.Dealbreaker, s.Weight, s.Dealbreaker))]);
        }

        var breakers = dealbreakers is null ? null : new HashSet<string>(dealbreakers, StringComparer.Ordinal);
        var skills = posting.Skills.Select(s => new RankingSkillDto(s.SkillId, s.Name, s.Required, s.MinLevel, s.Weight, s.Dealbreaker,
            weights is not null && weights.TryGetValue(s.SkillId, out var w) ? w : s.Weight,
            breakers?.Contains(s.SkillId) ?? s.Dealbreaker)).ToList();
        var ranking = new CandidateRanking(
            skills.ToDictionary(s => s.SkillId, s => (double)s.Weight, StringComparer.Ordinal),
            [.. skills.Where(s => s.Dealbreaker).Select(s => s.SkillId)]);
        return new Chosen(ranking, rankedBy, skills);
    }

    /// <summary>Every weight is 1 to 10 and names a skill of the posting; every dealbreaker names a required one.</summary>
    public static IReadOnlyList<Error> Check(PostingRequirementsView posting, IReadOnlyDictionary<string, int>? weights, IReadOnlyList<string>? dealbreakers)
    {
        var problems = new List<Error>();
        foreach (var (skill, weight) in weights ?? new Dictionary<string, int>())
        {
            if (posting.Skills.All(s => s.SkillId != skill))
            {
                problems.Add(Error.Validation("Weights", $"'{skill}' is not a skill of this posting."));
            }
            else if (weight is < SavedRanking.MinWeight or > SavedRanking.MaxWeight)
            {
                problems.Add(Error.Validation("Weights", $"The weight of '{skill}' is {SavedRanking.MinWeight} to {SavedRanking.MaxWeight}."));
            }
        }

        foreach (var skill in dealbreakers ?? [])
        {
            if (!posting.Skills.Any(s => s.SkillId == skill && s.Required))
            {
                problems.Add(Error.Validation("Dealbreakers", $"'{skill}' is not a required skill of this posting: only those can be dealbreakers."));
            }
        }

        return problems;
    }
}
