using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>A stored list's rows before they are written: the owner, and per entry the other side and the score.</summary>
internal sealed record ListRows(Guid[] Owner, Guid[] Other, double[] Score);

/// <summary>
/// Writes lists in bulk inside the caller's transaction. A row is (owner, other side, score), keyed by the pair: the order is the
/// engine's (score descending, then id), made on read, and explanations are made on read too, for the rows a page shows (ADR
/// 0006). A whole list goes by one DELETE of the owners' rows and one binary COPY (the full rematch); a changed list goes as
/// the difference from its stored rows, read first (the incremental store: a published posting enters thousands of seekers'
/// lists, and each of them gains one row and loses one, where rewriting them all cost 40 rows each).
/// </summary>
internal static class ListWriter
{
    internal static readonly (string Table, string Owner, string Other) Candidates = ("posting_candidates", "posting_id", "profile_id");
    internal static readonly (string Table, string Owner, string Other) ProfileMatches = ("profile_matches", "profile_id", "posting_id");

    /// <summary>Each list's rows.</summary>
    public static ListRows Rows(IEnumerable<(string Owner, IReadOnlyList<RankedMatch> List)> lists)
    {
        var all = lists.ToArray();
        int count = 0;
        foreach (var (_, list) in all) count += list.Count;
        var owner = new Guid[count];
        var other = new Guid[count];
        var score = new double[count];
        int row = 0;
        foreach (var (id, list) in all)
        {
            var ownerId = Guid.Parse(id);
            for (int i = 0; i < list.Count; i++, row++)
            {
                owner[row] = ownerId;
                other[row] = Guid.Parse(list[i].Id);
                score[row] = list[i].Score;
            }
        }

        return new ListRows(owner, other, score);
    }

    public static Task WriteCandidatesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> postings, ListRows rows, CancellationToken cancellationToken) =>
        WriteAsync(context, Candidates, postings, rows, cancellationToken);

    public static Task WriteProfileMatchesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> profiles, ListRows rows, CancellationToken cancellationToken) =>
        WriteAsync(context, ProfileMatches, profiles, rows, cancellationToken);

    // The table and column names are this class's constants, never input.
    private static async Task WriteAsync(MatchingDbContext context, (string Table, string Owner, string Other) t, IReadOnlyCollection<Guid> owners,
        ListRows rows, CancellationToken cancellationToken)
    {
        Guid[] ids = [.. owners];
        var delete = $"DELETE FROM matching.{t.Table} WHERE {t.Owner} = ANY({{0}})";
        await context.Database.ExecuteSqlRawAsync(delete, [ids], cancellationToken);
        if (rows.Owner.Length == 0) return;
        // The caller's transaction holds the connection open; COPY runs inside it.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            await using var writer = await connection.BeginBinaryImportAsync(
                $"COPY matching.{t.Table} ({t.Owner}, {t.Other}, score) FROM STDIN (FORMAT BINARY)", cancellationToken);
            for (int i = 0; i < rows.Owner.Length; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(rows.Owner[i], NpgsqlDbType.Uuid, cancellationToken);
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

    public static Task WriteChangedCandidatesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> postings, ListRows rows, CancellationToken cancellationToken) =>
        WriteChangedAsync(context, Candidates, postings, rows, cancellationToken);

    public static Task WriteChangedProfileMatchesAsync(MatchingDbContext context, IReadOnlyCollection<Guid> profiles, ListRows rows, CancellationToken cancellationToken) =>
        WriteChangedAsync(context, ProfileMatches, profiles, rows, cancellationToken);

    // The owners' lists become exactly the rows given: their stored rows are read (under the caller's lock, in its transaction), and
    // only the pairs that left are deleted and only the pairs that are new or scored anew are written.
    private static async Task WriteChangedAsync(MatchingDbContext context, (string Table, string Owner, string Other) t, IReadOnlyCollection<Guid> owners,
        ListRows rows, CancellationToken cancellationToken)
    {
        if (owners.Count == 0) return;
        Guid[] ids = [.. owners];
        var stored = new Dictionary<(Guid, Guid), double>();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            await using var read = new NpgsqlCommand($"SELECT {t.Owner}, {t.Other}, score FROM matching.{t.Table} WHERE {t.Owner} = ANY(@owners)", connection);
            read.Parameters.AddWithValue("owners", ids);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) stored[(reader.GetGuid(0), reader.GetGuid(1))] = reader.GetDouble(2);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }

        var (upOwner, upOther, upScore) = (new List<Guid>(), new List<Guid>(), new List<double>());
        for (int i = 0; i < rows.Owner.Length; i++)
        {
            var key = (rows.Owner[i], rows.Other[i]);
            bool same = stored.Remove(key, out var was) && BitConverter.DoubleToInt64Bits(was) == BitConverter.DoubleToInt64Bits(rows.Score[i]);
            if (same) continue;
            upOwner.Add(rows.Owner[i]);
            upOther.Add(rows.Other[i]);
            upScore.Add(rows.Score[i]);
        }

        // What is left of the stored rows is no longer on the lists.
        if (stored.Count > 0)
        {
            Guid[] goneOwner = [.. stored.Keys.Select(k => k.Item1)];
            Guid[] goneOther = [.. stored.Keys.Select(k => k.Item2)];
            var delete = $"DELETE FROM matching.{t.Table} AS t USING unnest({{0}}, {{1}}) AS g(owner, other) WHERE t.{t.Owner} = g.owner AND t.{t.Other} = g.other";
            await context.Database.ExecuteSqlRawAsync(delete, [goneOwner, goneOther], cancellationToken);
        }

        if (upOwner.Count > 0)
        {
            var upsert = $"INSERT INTO matching.{t.Table} ({t.Owner}, {t.Other}, score) SELECT * FROM unnest({{0}}, {{1}}, {{2}}) "
                + $"ON CONFLICT ({t.Owner}, {t.Other}) DO UPDATE SET score = excluded.score";
            await context.Database.ExecuteSqlRawAsync(upsert, [upOwner.ToArray(), upOther.ToArray(), upScore.ToArray()], cancellationToken);
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
