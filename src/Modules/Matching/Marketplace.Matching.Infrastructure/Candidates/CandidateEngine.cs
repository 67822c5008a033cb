using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Engine;
using Marketplace.Skills.Scoring;

namespace Marketplace.Matching.Infrastructure.Candidates;

/// <summary>The candidates pages' reads of this process's engine view (see <see cref="ICandidateEngine"/>).</summary>
internal sealed class CandidateEngine(MatchingEngine engine) : ICandidateEngine
{
    public async Task<PostingRequirementsView?> RequirementsAsync(Guid postingId, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (!view.Postings.TryGetValue(postingId.ToString(), out var posting)) return null;
        return new PostingRequirementsView(posting.Id, posting.IsOpen, [.. posting.Skills
            .Where(s => view.Taxonomy.TryGet(s.SkillId, out _) && s.Weight > 0)
            .OrderByDescending(s => s.Required).ThenByDescending(s => s.Weight).ThenBy(s => s.SkillId, StringComparer.Ordinal)
            .Select(s => new PostingSkillView(s.SkillId, view.Taxonomy.TryGet(s.SkillId, out var skill) ? skill.Name : s.SkillId, s.Required, s.MinLevel,
                (int)Math.Clamp(Math.Round(s.Weight), 1, 10), s.Dealbreaker && s.Required))]);
    }

    public async Task<bool> IsCandidateAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        return view.Profiles.TryGetValue(profileId.ToString(), out var profile) && profile.IsCandidate;
    }

    public async Task<IReadOnlyDictionary<Guid, ExplainedMatch>> ExplainAsync(Guid postingId, IReadOnlyCollection<Guid> profileIds, CandidateRanking? ranking,
        CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (view.PostingOf(postingId.ToString()) is not { } posting) return new Dictionary<Guid, ExplainedMatch>();
        if (ranking is not null) posting = new RankingOverrides(ranking.Weights, ranking.Dealbreakers).ApplyTo(posting);
        var scorer = new Scorer(view.Taxonomy);
        var explained = new Dictionary<Guid, ExplainedMatch>();
        foreach (var id in profileIds)
        {
            if (view.ProfileOf(id.ToString()) is { } profile) explained[id] = Explanations.Whole(id, postingId, scorer.Explain(profile, posting));
        }

        return explained;
    }
}
