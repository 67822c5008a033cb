using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>The facade over the stored lists and the engine (see <see cref="IMatchingFacade"/>).</summary>
internal sealed class MatchingFacade(MatchingDbContext context, MatchingEngine engine) : IMatchingFacade
{
    public async Task<RankedPage<ProfileMatchView>> MatchesOfProfileAsync(Guid profileId, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = Bounded(page, pageSize);
        var view = await engine.ViewAsync(cancellationToken);
        string id = profileId.ToString();
        if (view.Profiles.TryGetValue(id, out var projection) && !projection.IsCandidate)
        {
            // Not in the candidates' index, so not stored: matched live against the open postings.
            var profile = projection.ToEngine(view.Taxonomy);
            var scorer = new Scorer(view.Taxonomy);
            var top = view.OpenPostings.TopK(profile, engine.PostingsPerProfile);
            var items = top.Select((m, i) => (Rank: i + 1, Match: m)).Skip((page - 1) * pageSize).Take(pageSize)
                .Where(x => view.Postings.ContainsKey(x.Match.Id))
                .Select(x =>
                {
                    var posting = view.Postings[x.Match.Id];
                    var e = scorer.Explain(profile, posting.ToEngine(view.Taxonomy));
                    return new ProfileMatchView(x.Rank, posting.Id, posting.Title, posting.Company, Math.Round(x.Match.Score, 1), Explanations.Parts(e), Explanations.Summary(e));
                }).ToList();
            return new RankedPage<ProfileMatchView>(items, page, pageSize, top.Count);
        }

        var stored = await context.ProfileMatches.AsNoTracking().Where(m => m.ProfileId == profileId).Select(m => new { m.PostingId, m.Score }).ToListAsync(cancellationToken);
        var rows = Ranked(stored, m => m.PostingId, m => m.Score).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        view = await AtLeastStoredAsync(view, cancellationToken);
        var seeker = view.ProfileOf(id);
        var explainer = new Scorer(view.Taxonomy);
        var shown = new List<ProfileMatchView>(rows.Count);
        foreach (var r in rows)
        {
            if (seeker is null || !view.Postings.TryGetValue(r.Other.ToString(), out var posting)) continue;
            var e = explainer.Explain(seeker, posting.ToEngine(view.Taxonomy));
            shown.Add(new ProfileMatchView(r.Rank, r.Other, posting.Title, posting.Company, Math.Round(r.Score, 1), Explanations.Parts(e), Explanations.Summary(e)));
        }

        return new RankedPage<ProfileMatchView>(shown, page, pageSize, stored.Count);
    }

    public async Task<CandidatesResult> CandidatesOfPostingAsync(Guid postingId, CandidateRanking? ranking, int page, int pageSize, CancellationToken cancellationToken)
    {
        (page, pageSize) = Bounded(page, pageSize);
        var view = await engine.ViewAsync(cancellationToken);
        if (!view.Postings.TryGetValue(postingId.ToString(), out var projection)) return new CandidatesResult(null, MatchingProblem.UnknownPosting, "postingId: matching does not know this posting.");
        if (ranking is null)
        {
            var list = await context.PostingCandidates.AsNoTracking().Where(m => m.PostingId == postingId).Select(m => new { m.ProfileId, m.Score }).ToListAsync(cancellationToken);
            var rows = Ranked(list, m => m.ProfileId, m => m.Score).Skip((page - 1) * pageSize).Take(pageSize).ToList();
            view = await AtLeastStoredAsync(view, cancellationToken);
            var posting = view.Postings[postingId.ToString()].ToEngine(view.Taxonomy);
            var explainer = new Scorer(view.Taxonomy);
            var shown = new List<CandidateView>(rows.Count);
            foreach (var r in rows)
            {
                // A profile that stopped being a candidate after the list was stored is not shown, even for the second until it is rewritten.
                if (!view.Profiles.TryGetValue(r.Other.ToString(), out var candidate) || !candidate.IsCandidate) continue;
                var e = explainer.Explain(candidate.ToEngine(view.Taxonomy), posting);
                shown.Add(new CandidateView(r.Rank, r.Other, Math.Round(r.Score, 1), Explanations.Parts(e), Explanations.Summary(e)));
            }

            return new CandidatesResult(new RankedPage<CandidateView>(shown, page, pageSize, list.Count));
        }

        if (!projection.IsOpen) return new CandidatesResult(new RankedPage<CandidateView>([], page, pageSize, 0));
        Posting ranked;
        try
        {
            ranked = new RankingOverrides(ranking.Weights, ranking.Dealbreakers).ApplyTo(projection.ToEngine(view.Taxonomy));
        }
        catch (ArgumentException problem)
        {
            return new CandidatesResult(null, MatchingProblem.InvalidRanking, $"ranking: {problem.Message}");
        }

        // The employer's ranking is one engine query: the exact top of the re-weighted posting.
        var top = view.Candidates.TopK(ranked, engine.CandidatesPerPosting);
        var scorer = new Scorer(view.Taxonomy);
        var items = top.Select((m, i) => (Rank: i + 1, Match: m)).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => (x.Rank, x.Match, Profile: view.ProfileOf(x.Match.Id)))
            .Where(x => x.Profile is not null)
            .Select(x =>
            {
                var e = scorer.Explain(x.Profile!, ranked);
                return new CandidateView(x.Rank, Guid.Parse(x.Match.Id), Math.Round(x.Match.Score, 1), Explanations.Parts(e), Explanations.Summary(e));
            }).ToList();
        return new CandidatesResult(new RankedPage<CandidateView>(items, page, pageSize, top.Count));
    }

    public async Task<ExplainedMatch?> ExplainAsync(Guid profileId, Guid postingId, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (view.ProfileOf(profileId.ToString()) is not { } profile || view.PostingOf(postingId.ToString()) is not { } posting) return null;
        return Explanations.Whole(profileId, postingId, new Scorer(view.Taxonomy).Explain(profile, posting));
    }

    public async Task<IReadOnlyList<PostingScoreView>> BestPostingsAsync(Guid profileId, int count, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (view.ProfileOf(profileId.ToString()) is not { } profile) return [];
        return [.. view.OpenPostings.TopK(profile, Math.Clamp(count, 1, 1_000)).Select(m => new PostingScoreView(Guid.Parse(m.Id), Math.Round(m.Score, 1)))];
    }

    public async Task<IReadOnlyList<SkillGapView>?> GapsAsync(Guid profileId, Guid postingId, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (view.ProfileOf(profileId.ToString()) is not { } profile || view.PostingOf(postingId.ToString()) is not { } posting) return null;
        var e = new Scorer(view.Taxonomy).Explain(profile, posting);
        return [.. e.Skills.Where(v => v.Credit < 1)
            .OrderByDescending(v => v.Dealbreaker && v.Excludes).ThenByDescending(v => v.Weight * (1 - v.Credit)).ThenBy(v => v.SkillId, StringComparer.Ordinal)
            .Select(v => new SkillGapView(v.SkillId, v.SkillName, v.Required, v.MinLevel, v.Weight, Math.Round(v.Credit, 3), v.Dealbreaker))];
    }

    public async Task<ProjectedScores?> ScoresWithAsync(Guid profileId, Guid postingId, IReadOnlyList<IReadOnlyList<LearnedSkillView>> additions, CancellationToken cancellationToken)
    {
        var view = await engine.ViewAsync(cancellationToken);
        if (view.ProfileOf(profileId.ToString()) is not { } profile || view.PostingOf(postingId.ToString()) is not { } posting) return null;
        var scorer = new Scorer(view.Taxonomy);
        return new ProjectedScores(
            Math.Round(scorer.Score(profile, posting), 1),
            [.. additions.Select(a => Math.Round(scorer.Score(profile.WithSkills([.. a
                .Where(s => view.Taxonomy.TryGet(s.SkillId, out _))
                .Select(s => new ProfileSkill(s.SkillId, Math.Clamp(s.Level, 1, 5)))]), posting), 1))]);
    }

    // Stored rows carry rank and score; their explanations are made here from this process's view (ADR 0006). Another process may
    // have stored lists past the position this one has applied: then it catches up first, so a row never names a profile or
    // posting the view does not know yet, and what it explains is at least as new as the row.
    private async Task<EngineView> AtLeastStoredAsync(EngineView view, CancellationToken cancellationToken)
    {
        if (await MatchStore.StoredThroughAsync(context, cancellationToken) <= view.Applied) return view;
        await engine.CatchUpAsync(cancellationToken);
        return await engine.ViewAsync(cancellationToken);
    }

    // A stored list in the engine's order (score descending, then id ordinal), ranked from 1; a list is at most a few dozen rows.
    private static IEnumerable<(int Rank, Guid Other, double Score)> Ranked<T>(IEnumerable<T> rows, Func<T, Guid> other, Func<T, double> score) =>
        rows.Select(r => (Other: other(r), Score: score(r))).OrderByDescending(r => r.Score).ThenBy(r => r.Other.ToString(), StringComparer.Ordinal)
            .Select((r, i) => (i + 1, r.Other, r.Score));

    private static (int Page, int PageSize) Bounded(int page, int pageSize) => (Math.Clamp(page, 1, 1_000), Math.Clamp(pageSize, 1, 100));
}
