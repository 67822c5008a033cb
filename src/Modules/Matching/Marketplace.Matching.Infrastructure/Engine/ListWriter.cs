using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>A stored list's rows before they are written: the owner, and per rank the other side, the score, parts and summary.</summary>
internal sealed record ListRows(Guid[] Owner, int[] Rank, Guid[] Other, double[] Score, string[] Parts, string[] Summary);

/// <summary>
/// Writes whole lists in bulk: the owners' old rows go in one DELETE and the new ones in one binary COPY, inside the caller's
/// transaction. Explaining the rows is most of a full rematch's time (see the pipeline benchmark), so it runs on every core.
/// </summary>
internal static class ListWriter
{
    // Lists explained together: big enough to keep the per-range caches useful, small enough to balance the cores.
    private const int ListsPerRange = 64;

    /// <summary>Each list's rows with its compact explanation; the pairs are explained by the engine's scorer.</summary>
    public static ListRows Rows(IEnumerable<(string Owner, IReadOnlyList<RankedMatch> List)> lists, bool ownerIsPosting, EngineView view, Scorer scorer)
    {
        var all = lists.ToArray();
        var explained = new ListRows[(all.Length + ListsPerRange - 1) / ListsPerRange];
        Parallel.For(0, explained.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            range => explained[range] = Explain(all.AsSpan(range * ListsPerRange, Math.Min(ListsPerRange, all.Length - range * ListsPerRange)), ownerIsPosting, view,
                new Scorer(scorer.Taxonomy)));
        return new ListRows(
            [.. explained.SelectMany(r => r.Owner)], [.. explained.SelectMany(r => r.Rank)], [.. explained.SelectMany(r => r.Other)],
            [.. explained.SelectMany(r => r.Score)], [.. explained.SelectMany(r => r.Parts)], [.. explained.SelectMany(r => r.Summary)]);
    }

    private static ListRows Explain(ReadOnlySpan<(string Owner, IReadOnlyList<RankedMatch> List)> lists, bool ownerIsPosting, EngineView view, Scorer scorer)
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
            var ownerId = Guid.Parse(id);
            for (int i = 0; i < list.Count; i++)
            {
                var (profileId, postingId) = ownerIsPosting ? (list[i].Id, id) : (id, list[i].Id);
                if (ProfileOf(profileId) is not { } profile || PostingOf(postingId) is not { } posting) continue;
                var explanation = scorer.Explain(profile, posting);
                owner.Add(ownerId);
                rank.Add(i + 1);
                other.Add(Guid.Parse(list[i].Id));
                score.Add(list[i].Score);
                parts.Add(JsonSerializer.Serialize(Explanations.Parts(explanation), StoredExplanationJson.Default.IReadOnlyListMatchPartView));
                summary.Add(JsonSerializer.Serialize(Explanations.Summary(explanation), StoredExplanationJson.Default.MatchSummary));
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
        await context.Database.ExecuteSqlRawAsync(delete, [ids], cancellationToken);
        if (rows.Owner.Length == 0) return;
        // The caller's transaction holds the connection open; COPY runs inside it.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY matching.{table} ({ownerColumn}, rank, {otherColumn}, score, parts, summary) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (int i = 0; i < rows.Owner.Length; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(rows.Owner[i], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(rows.Rank[i], NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(rows.Other[i], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(rows.Score[i], NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(rows.Parts[i], NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(rows.Summary[i], NpgsqlDbType.Jsonb, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>The stored explanations' JSON (the facade reads it with the same web defaults), generated at build time: serializing
/// them by reflection was a good part of a full rematch.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<MatchPartView>))]
[JsonSerializable(typeof(MatchSummary))]
internal sealed partial class StoredExplanationJson : JsonSerializerContext;

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
