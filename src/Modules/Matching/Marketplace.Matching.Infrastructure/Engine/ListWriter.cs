using System.Text.Json;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Matching.Infrastructure.Persistence.Configurations;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>A stored list's rows before they are written: the owner, and per rank the other side, the score, parts and summary.</summary>
internal sealed record ListRows(Guid[] Owner, int[] Rank, Guid[] Other, double[] Score, string[] Parts, string[] Summary);

/// <summary>
/// Writes whole lists in bulk: the owners' old rows go in one DELETE and the new ones in INSERTs of unnested arrays (a few
/// thousand rows a statement), inside the caller's transaction.
/// </summary>
internal static class ListWriter
{
    private const int RowsPerStatement = 5_000;

    /// <summary>Each list's rows with its compact explanation; the pairs are explained by the engine's scorer.</summary>
    public static ListRows Rows(IEnumerable<(string Owner, IReadOnlyList<RankedMatch> List)> lists, bool ownerIsPosting, EngineView view, Scorer scorer)
    {
        var owner = new List<Guid>();
        var rank = new List<int>();
        var other = new List<Guid>();
        var score = new List<double>();
        var parts = new List<string>();
        var summary = new List<string>();
        var profiles = new Dictionary<string, Profile?>(StringComparer.Ordinal);
        var postings = new Dictionary<string, Posting?>(StringComparer.Ordinal);
        Profile? ProfileOf(string id) => profiles.TryGetValue(id, out var p) ? p : profiles[id] = view.ProfileOf(id);
        Posting? PostingOf(string id) => postings.TryGetValue(id, out var p) ? p : postings[id] = view.PostingOf(id);
        foreach (var (id, list) in lists)
        {
            for (int i = 0; i < list.Count; i++)
            {
                var (profileId, postingId) = ownerIsPosting ? (list[i].Id, id) : (id, list[i].Id);
                if (ProfileOf(profileId) is not { } profile || PostingOf(postingId) is not { } posting) continue;
                var explanation = scorer.Explain(profile, posting);
                owner.Add(Guid.Parse(id));
                rank.Add(i + 1);
                other.Add(Guid.Parse(list[i].Id));
                score.Add(list[i].Score);
                parts.Add(JsonSerializer.Serialize(Explanations.Parts(explanation), Json.Options));
                summary.Add(JsonSerializer.Serialize(Explanations.Summary(explanation), Json.Options));
            }
        }

        return new ListRows([.. owner], [.. rank], [.. other], [.. score], [.. parts], [.. summary]);
    }

    public static Task WriteCandidatesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> postings, ListRows rows, CancellationToken cancellationToken) =>
        WriteAsync(context, "posting_candidates", "posting_id", "profile_id", postings, rows, cancellationToken);

    public static Task WriteProfileMatchesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> profiles, ListRows rows, CancellationToken cancellationToken) =>
        WriteAsync(context, "profile_matches", "profile_id", "posting_id", profiles, rows, cancellationToken);

    // The table and column names are this class's constants, never input.
    private static async Task WriteAsync(MatchingDbContext context, string table, string ownerColumn, string otherColumn, IReadOnlyCollection<Guid> owners,
        ListRows rows, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. owners];
        var delete = $"DELETE FROM matching.{table} WHERE {ownerColumn} = ANY({{0}})";
        var insert = $$"""
            INSERT INTO matching.{{table}} ({{ownerColumn}}, rank, {{otherColumn}}, score, parts, summary)
            SELECT o, r, x, s, p::jsonb, m::jsonb FROM unnest({0}, {1}, {2}, {3}, {4}, {5}) AS u(o, r, x, s, p, m)
            """;
        await context.Database.ExecuteSqlRawAsync(delete, [ids], cancellationToken);
        foreach (var chunk in Chunks(rows))
            await context.Database.ExecuteSqlRawAsync(insert, [chunk.Owner, chunk.Rank, chunk.Other, chunk.Score, chunk.Parts, chunk.Summary], cancellationToken);
    }

    private static IEnumerable<ListRows> Chunks(ListRows rows)
    {
        for (int from = 0; from < rows.Owner.Length; from += RowsPerStatement)
        {
            var range = new Range(from, Math.Min(rows.Owner.Length, from + RowsPerStatement));
            yield return new ListRows(rows.Owner[range], rows.Rank[range], rows.Other[range], rows.Score[range], rows.Parts[range], rows.Summary[range]);
        }
    }
}

/// <summary>The explanation as the facade shows it, whole or compact.</summary>
internal static class Explanations
{
    public static IReadOnlyList<MatchPartView> Parts(MatchExplanation e) =>
        [.. e.Parts.Select(p => new MatchPartView(p.Name, Math.Round(p.Points, 2), Math.Round(p.MaxPoints, 2)))];

    public static MatchSummary Summary(MatchExplanation e) => new(
        [.. e.Skills.Where(v => v.Kind == SkillMatchKind.Matched).Select(v => v.SkillName)],
        [.. e.Skills.Where(v => v.Kind is SkillMatchKind.Inferred or SkillMatchKind.Related).Select(v => v.ViaSkillName is { } via ? $"{v.SkillName} (via {via})" : v.SkillName)],
        [.. e.Skills.Where(v => v.Kind == SkillMatchKind.BelowLevel).Select(v => v.SkillName)],
        [.. e.Skills.Where(v => v.Kind == SkillMatchKind.Missing).Select(v => v.SkillName)],
        e.HardMismatches);

    public static ExplainedMatch Whole(Guid profileId, Guid postingId, MatchExplanation e) => new(
        profileId, postingId, Math.Round(e.Score, 1), e.Excluded, Parts(e),
        [.. e.Skills.Select(v => new SkillVerdictView(v.SkillId, v.SkillName, v.Required, v.MinLevel, v.Kind.ToString(), Math.Round(v.Credit, 3), v.ViaSkillName, v.Text, v.Dealbreaker, v.Excludes))],
        e.HardMismatches, e.FailedDealbreakers);
}
