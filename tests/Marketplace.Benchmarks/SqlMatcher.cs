using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Benchmarks;

/// <summary>The same population in PostgreSQL (schema bench) and the top-k query a competent developer would write: an indexed
/// (skill_id, profile_id, level) table, the posting's requirements and their credit sources passed as arrays, weighted scoring in SQL.</summary>
public sealed class SqlMatcher(string connectionString, SkillTaxonomy taxonomy)
{
    // The whole scoring model in SQL: best credit per (profile, requirement) over the credit sources, weighted sums, then the
    // seniority, work mode/country and salary parts. Only profiles sharing a skill with a credit source are candidates.
    private const string TopKSql = """
        WITH src AS (
          SELECT * FROM unnest(@req_no, @skill, @coef, @min_level, @weight, @required) AS s(req_no, skill_id, coef, min_level, weight, required)
        ), credit AS (
          SELECT ps.profile_id, s.req_no, s.weight, s.required,
                 max(s.coef * CASE WHEN ps.level >= s.min_level THEN 1.0 ELSE ps.level::float8 / s.min_level END) AS credit
          FROM src s JOIN bench.profile_skill ps ON ps.skill_id = s.skill_id
          GROUP BY ps.profile_id, s.req_no, s.weight, s.required
        ), sums AS (
          SELECT profile_id,
                 coalesce(sum(weight * credit) FILTER (WHERE required), 0) AS req,
                 coalesce(sum(weight * credit) FILTER (WHERE NOT required), 0) AS nice
          FROM credit GROUP BY profile_id
        )
        SELECT p.profile_id,
          (CASE WHEN @req_w > 0 THEN 70 * s.req / @req_w ELSE 70 END)
          + (CASE WHEN @nice_w > 0 THEN 10 * s.nice / @nice_w ELSE 10 END)
          + 10 * (CASE WHEN @seniority IS NULL THEN 1 WHEN p.seniority IS NULL THEN 0.5
                       WHEN @seniority - p.seniority <= 0 THEN 1 WHEN @seniority - p.seniority = 1 THEN 0.5 ELSE 0 END)
          + 5 * (CASE WHEN p.remote = 0 THEN 1
                      WHEN @mode = 0 THEN (CASE WHEN p.remote = 3 THEN 0.5 ELSE 1 END)
                      WHEN p.remote = 1 AND @mode = 1 THEN 0.5
                      WHEN p.remote = 1 AND @mode = 2 THEN 0
                      WHEN p.remote = 2 AND @mode = 2 THEN 0.5 ELSE 1 END)
                * (CASE WHEN @mode = 0 OR p.country IS NULL OR @country IS NULL OR p.country = @country THEN 1
                        WHEN p.relocate THEN 0.5 ELSE 0 END)
          + 5 * (CASE WHEN @salary_max IS NULL OR p.min_salary IS NULL THEN 0.5 WHEN @salary_max >= p.min_salary THEN 1 ELSE 0 END)
          AS score
        FROM sums s JOIN bench.profile p ON p.profile_id = s.profile_id
        ORDER BY score DESC, p.profile_id
        LIMIT @k
        """;

    public async Task LoadAsync(IReadOnlyList<Profile> profiles)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await Exec(conn, """
            DROP SCHEMA IF EXISTS bench CASCADE;
            CREATE SCHEMA bench;
            CREATE TABLE bench.profile (profile_id int PRIMARY KEY, seniority smallint, remote smallint NOT NULL, country text,
                                        relocate boolean NOT NULL, min_salary float8);
            CREATE UNLOGGED TABLE bench.profile_skill (profile_id int NOT NULL, skill_id int NOT NULL, level smallint NOT NULL);
            """);
        await using (var w = await conn.BeginBinaryImportAsync("COPY bench.profile (profile_id, seniority, remote, country, relocate, min_salary) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in profiles)
            {
                var prefs = p.Preferences ?? new Preferences();
                await w.StartRowAsync();
                await w.WriteAsync(Number(p.Id), NpgsqlDbType.Integer);
                if (p.Seniority is { } s) await w.WriteAsync((short)s, NpgsqlDbType.Smallint); else await w.WriteNullAsync();
                await w.WriteAsync((short)prefs.Remote, NpgsqlDbType.Smallint);
                if (prefs.Country is { } c) await w.WriteAsync(c.Trim().ToUpperInvariant(), NpgsqlDbType.Text); else await w.WriteNullAsync();
                await w.WriteAsync(prefs.WillingToRelocate, NpgsqlDbType.Boolean);
                if (prefs.MinSalary is { } m) await w.WriteAsync(m, NpgsqlDbType.Double); else await w.WriteNullAsync();
            }
            await w.CompleteAsync();
        }
        await using (var w = await conn.BeginBinaryImportAsync("COPY bench.profile_skill (profile_id, skill_id, level) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in profiles)
            {
                int id = Number(p.Id);
                foreach (var g in p.Skills.GroupBy(s => s.SkillId))
                {
                    await w.StartRowAsync();
                    await w.WriteAsync(id, NpgsqlDbType.Integer);
                    await w.WriteAsync(taxonomy.Find(g.Key)!.Index, NpgsqlDbType.Integer);
                    await w.WriteAsync((short)g.Max(s => s.Level), NpgsqlDbType.Smallint);
                }
            }
            await w.CompleteAsync();
        }
        await Exec(conn, "ALTER TABLE bench.profile_skill ADD PRIMARY KEY (skill_id, profile_id) INCLUDE (level)");
        await Exec(conn, "VACUUM ANALYZE bench.profile");
        await Exec(conn, "VACUUM ANALYZE bench.profile_skill");
    }

    public async Task<List<RankedMatch>> TopKAsync(NpgsqlConnection conn, Posting posting, int k)
    {
        var reqNo = new List<int>(); var skill = new List<int>(); var coef = new List<double>();
        var minLevel = new List<int>(); var weight = new List<double>(); var required = new List<bool>();
        double reqW = 0, niceW = 0;
        int no = 0;
        foreach (var (list, isRequired) in new[] { (posting.Required, true), (posting.NiceToHave, false) })
            foreach (var r in list)
            {
                if (isRequired) reqW += r.Weight; else niceW += r.Weight;
                foreach (var source in taxonomy.CreditSourcesFor(taxonomy.Find(r.SkillId)!.Index))
                {
                    reqNo.Add(no); skill.Add(source.SkillIndex); coef.Add(source.Coefficient);
                    minLevel.Add(r.MinLevel); weight.Add(r.Weight); required.Add(isRequired);
                }
                no++;
            }
        await using var cmd = new NpgsqlCommand(TopKSql, conn);
        cmd.Parameters.AddWithValue("req_no", reqNo.ToArray());
        cmd.Parameters.AddWithValue("skill", skill.ToArray());
        cmd.Parameters.AddWithValue("coef", coef.ToArray());
        cmd.Parameters.AddWithValue("min_level", minLevel.ToArray());
        cmd.Parameters.AddWithValue("weight", weight.ToArray());
        cmd.Parameters.AddWithValue("required", required.ToArray());
        cmd.Parameters.AddWithValue("req_w", reqW);
        cmd.Parameters.AddWithValue("nice_w", niceW);
        cmd.Parameters.Add(new NpgsqlParameter("seniority", NpgsqlDbType.Integer) { Value = posting.Seniority is { } s ? (int)s : DBNull.Value });
        cmd.Parameters.AddWithValue("mode", (int)posting.WorkMode);
        cmd.Parameters.Add(new NpgsqlParameter("country", NpgsqlDbType.Text) { Value = (object?)posting.Country?.Trim().ToUpperInvariant() ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("salary_max", NpgsqlDbType.Double) { Value = (object?)posting.Salary?.Max ?? DBNull.Value });
        cmd.Parameters.AddWithValue("k", k);
        var result = new List<RankedMatch>(k);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(new RankedMatch(Population.ProfileId(reader.GetInt32(0)), reader.GetDouble(1)));
        return result;
    }

    private static int Number(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
