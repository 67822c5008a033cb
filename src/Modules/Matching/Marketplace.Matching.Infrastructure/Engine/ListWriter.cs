using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>A stored list's rows before they are written: the owner, and per rank the other side and the score.</summary>
internal sealed record ListRows(Guid[] Owner, int[] Rank, Guid[] Other, double[] Score);

/// <summary>
/// Writes whole lists in bulk: the owners' old rows go in one DELETE and the new ones in one binary COPY, inside the caller's
/// transaction. A row is rank, the other side and the score only: explanations are made on read, for the rows a page shows
/// (ADR 0006), so a list costs the engine's answer and its COPY, nothing more.
/// </summary>
internal static class ListWriter
{
    /// <summary>Each list's rows, rank from 1.</summary>
    public static ListRows Rows(IEnumerable<(string Owner, IReadOnlyList<RankedMatch> List)> lists)
    {
        var all = lists.ToArray();
        int count = 0;
        foreach (var (_, list) in all) count += list.Count;
        var owner = new Guid[count];
        var rank = new int[count];
        var other = new Guid[count];
        var score = new double[count];
        int row = 0;
        foreach (var (id, list) in all)
        {
            var ownerId = Guid.Parse(id);
            for (int i = 0; i < list.Count; i++, row++)
            {
                owner[row] = ownerId;
                rank[row] = i + 1;
                other[row] = Guid.Parse(list[i].Id);
                score[row] = list[i].Score;
            }
        }

        return new ListRows(owner, rank, other, score);
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
                $"COPY matching.{table} ({ownerColumn}, rank, {otherColumn}, score) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (int i = 0; i < rows.Owner.Length; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(rows.Owner[i], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(rows.Rank[i], NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(rows.Other[i], NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(rows.Score[i], NpgsqlDbType.Double, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
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
