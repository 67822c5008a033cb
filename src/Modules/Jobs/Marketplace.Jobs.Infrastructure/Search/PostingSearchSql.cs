using System.Text;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Jobs.Infrastructure.Search;

/// <summary>
/// The SQL of one search, in statements sent together: the page of results (one more than asked, to know whether there is
/// a next page) and, for facets, a count capped at <see cref="CountCap"/> and, over the newest <see cref="FacetSample"/>
/// matches, the count of every work mode and seniority combination with the most asked-for skills. Every statement's cost is
/// bounded by the page or a cap, not by how many postings match.
/// Public so that the benchmark runs exactly these statements over raw Npgsql.
/// </summary>
/// <remarks>
/// Words become one tsquery built from websearch_to_tsquery per term (phrases and -word as people type them), with a term
/// that names a skill also matching the skill's exact token; skills, countries and the "anywhere" of remote postings are
/// tokens in the same document, so a single GIN index answers text, skills and country together. Work mode and seniority
/// are left out of the facets' base, so their counts say what choosing another value would give.
/// Why it is fast (EXPLAIN ANALYZE on 50,000 postings): the tsquery is written where it is used (a joined subquery hid it
/// from the planner, which then read and decompressed every posting's document); ranking reads the small head document
/// (title, company, facts, skills) rather than the whole one with the description; the facets read the matching postings
/// once for both counts; and the batch plans with random_page_cost 1.1 (the postings are in memory: at the default 4 the
/// planner prefers a sequential scan that decompresses every document to a bitmap scan of the GIN index).
/// </remarks>
public sealed class PostingSearchSql
{
    public const string Table = JobsDbContext.SchemaName + ".postings";
    private const string Config = "'english'::regconfig";

    /// <summary>Only for this batch (SET LOCAL in the batch's implicit transaction); see the remarks.</summary>
    public const string PlannerSettings = "SET LOCAL random_page_cost = 1.1";

    /// <summary>
    /// With words, skills or a country, every statement finds its matches through the GIN index (a bitmap scan). Otherwise the
    /// planner may walk the newest-first index and test each posting's document until it has enough: when the estimate is
    /// wrong (java -spring: 5,500 expected, none found) that walk reads every posting (1.6 s on 50,000).
    /// </summary>
    public const string TextPlannerSettings = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off";

    /// <summary>The batch's planner settings, before its statements.</summary>
    public IReadOnlyList<string> Settings { get; private set; } = [PlannerSettings];

    /// <summary>The facet rows' first column: a work mode and seniority pair, or a skill.</summary>
    public const string ModeFacet = "mode";

    private readonly List<(string Name, object Value, NpgsqlDbType Type)> _parameters = [];

    private PostingSearchSql()
    {
    }

    public string Results { get; private set; } = "";

    /// <summary>How many postings match, counted up to <see cref="CountCap"/> + 1 (more than the cap reads as "1,000+"); null without facets.</summary>
    public string? Count { get; private set; }

    /// <summary>
    /// Facet rows (<c>facet, value, seniority, count</c>): a <see cref="ModeFacet"/> row per work mode and seniority over the
    /// search without those two filters, then the top skills with them; null without facets.
    /// </summary>
    public string? Facets { get; private set; }

    public const int SkillFacetSize = 12;

    /// <summary>The facet row whose count is the size of the sample the facets counted (<see cref="FacetSample"/> means more matched).</summary>
    public const string SampleFacet = "sample";

    /// <summary>Counts stop here: beyond it a search says "1,000+ jobs", as large job boards do.</summary>
    public const int CountCap = PostingSearchCaps.Count;

    /// <summary>Facets count over at most this many matches, the newest.</summary>
    public const int FacetSample = PostingSearchCaps.FacetSample;

    /// <summary>Relevance ranks at most this many matches, the newest (the top set), and pages through them.</summary>
    public const int RelevanceDepth = PostingSearchCaps.RelevanceDepth;

    public static PostingSearchSql Build(PostingSearchQuery query)
    {
        var sql = new PostingSearchSql();
        var tsquery = sql.TsQuery(query) is { } words ? $"({words})" : null;
        if (tsquery is not null)
        {
            sql.Settings = [PlannerSettings, .. TextPlannerSettings.Split("; ")];
        }
        var rank = tsquery is null ? "0::real" : $"ts_rank(p.search_head, {tsquery})";
        var from = $"{Table} p";
        if (query.Sort == SearchSort.BestMatch)
        {
            // The seeker's scores (from the Matching module) are the rank; a posting without one comes after every scored one.
            var ids = sql.Add("match_ids", query.MatchScores.Select(m => m.PostingId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            var scores = sql.Add("match_scores", query.MatchScores.Select(m => m.Score).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Real);
            from = $"{Table} p LEFT JOIN unnest({ids}, {scores}) AS ms(id, score) ON ms.id = p.id";
            rank = "coalesce(ms.score, -1)::real";
        }

        var baseWhere = new List<string> { "p.status = 'Published'" };
        if (tsquery is not null)
        {
            baseWhere.Add($"p.search_document @@ {tsquery}");
        }

        if (query.MinYearlySalary is { } min && query.Currency is { } currency)
        {
            baseWhere.Add($"p.salary_currency = {sql.Add("currency", currency, NpgsqlDbType.Varchar)}");
            baseWhere.Add($"p.salary_yearly_max >= {sql.Add("min_salary", min, NpgsqlDbType.Numeric)}");
        }

        if (query.PublishedSince is { } since)
        {
            baseWhere.Add($"p.published_at >= {sql.Add("since", since, NpgsqlDbType.TimestampTz)}");
        }

        if (query.FirstPublishedSince is { } first)
        {
            baseWhere.Add($"p.published_at >= {sql.Add("first_published", first, NpgsqlDbType.TimestampTz)}");
        }

        if (query.AnnouncedAfter is { } after)
        {
            baseWhere.Add($"p.announce_seq > {sql.Add("announced_after", after, NpgsqlDbType.Bigint)}");
        }

        if (query.AnnouncedUpTo is { } upTo)
        {
            baseWhere.Add($"p.announce_seq <= {sql.Add("announced_up_to", upTo, NpgsqlDbType.Bigint)}");
        }

        var modes = query.WorkModes.Count == 0 ? null
            : $"p.work_mode = ANY({sql.Add("work_modes", query.WorkModes.Select(m => m.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar)})";
        var seniorities = query.Seniorities.Count == 0 ? null
            : $"p.seniority = ANY({sql.Add("seniorities", query.Seniorities.Select(s => s.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar)})";
        var where = string.Join(" AND ", baseWhere);
        var chosen = new[] { modes, seniorities }.Where(w => w is not null).ToList();
        var filtered = string.Join(" AND ", [where, .. chosen]);

        var sortCurrency = sql.Add("sort_currency", query.SortCurrency, NpgsqlDbType.Varchar);
        var (order, keyset) = sql.Order(query);
        const string newest = "ORDER BY p.published_at DESC, p.id DESC";
        // Relevance ranks a bounded top set, the newest RelevanceDepth matches, so its cost follows the page and not the
        // number of matches (a broad word matches most postings; ranking them all read and sorted every one). The first page
        // returns when that set begins; later pages rank every match from then on, so what was published meanwhile joins the
        // set instead of pushing its oldest out unseen.
        var ranksTopSet = query.Sort == SearchSort.Relevance && tsquery is not null;
        var source = !ranksTopSet ? $"{from} WHERE {filtered}"
            : query.After?.WindowFrom is { } windowFrom
                ? $"(SELECT p.* FROM {Table} p WHERE {filtered} AND p.published_at >= {sql.Add("window_from", windowFrom, NpgsqlDbType.TimestampTz)}) p"
                : $"(SELECT p.* FROM {Table} p WHERE {filtered} {newest} LIMIT {sql.Add("depth", RelevanceDepth, NpgsqlDbType.Integer)}) p";
        var windowStart = ranksTopSet ? "min(p.published_at) OVER ()" : "NULL::timestamptz";
        sql.Results = $"""
            SELECT id, title, company, seniority, work_mode, locations, accepted_countries, salary_min, salary_max, salary_currency,
                   salary_period, skills, published_at, salary_yearly_max, rank, other_currency, window_from
            FROM (
              SELECT p.id, p.title, p.company, p.seniority, p.work_mode, p.locations, p.accepted_countries, p.salary_min, p.salary_max,
                     p.salary_currency, p.salary_period, p.skills, p.published_at, p.salary_yearly_max,
                     {rank} AS rank, (p.salary_currency <> {sortCurrency}) AS other_currency, {windowStart} AS window_from
              FROM {source}
            ) r
            {(keyset is null ? "" : "WHERE " + keyset)}
            ORDER BY {order}
            LIMIT {sql.Add("limit", query.PageSize + 1, NpgsqlDbType.Integer)}
            """;

        if (query.Facets)
        {
            // Counted only up to one more than the cap: "1,000+ jobs" costs a thousand rows, an exact count all of them.
            sql.Count = $"SELECT count(*)::int FROM (SELECT 1 FROM {Table} p WHERE {filtered} LIMIT {sql.Add("count_cap", CountCap + 1, NpgsqlDbType.Integer)}) c";

            // Over FacetSample of the matches, the first the index gives (exact below that, approximate above: the sample row
            // says which). The CTE scan is named p as well, so the work mode and seniority conditions read the same there.
            sql.Facets = $"""
                WITH m AS MATERIALIZED (SELECT p.work_mode, p.seniority, p.skill_ids FROM {Table} p WHERE {where} LIMIT {sql.Add("sample", FacetSample, NpgsqlDbType.Integer)})
                SELECT '{SampleFacet}' AS facet, NULL AS value, NULL AS seniority, count(*)::int AS n FROM m
                UNION ALL
                SELECT '{ModeFacet}', p.work_mode, p.seniority, count(*)::int FROM m p GROUP BY p.work_mode, p.seniority
                UNION ALL
                (SELECT 'skill', s.id, NULL, count(*)::int AS n FROM m p CROSS JOIN LATERAL unnest(p.skill_ids) AS s(id)
                 {(chosen.Count == 0 ? "" : "WHERE " + string.Join(" AND ", chosen))}
                 GROUP BY s.id ORDER BY n DESC, s.id LIMIT {SkillFacetSize})
                """;
        }

        return sql;
    }

    /// <summary>The statements as a batch with their own parameters: the results first, then the count and the facets when asked for.</summary>
    public NpgsqlBatch ToBatch(NpgsqlConnection connection)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var setting in Settings)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(setting));
        }
        foreach (var text in new[] { Results, Count, Facets }.Where(t => t is not null))
        {
            var command = new NpgsqlBatchCommand(text!);
            foreach (var (name, value, type) in _parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    private (string Order, string? Keyset) Order(PostingSearchQuery query)
    {
        var after = query.After;
        switch (query.Sort)
        {
            case SearchSort.Relevance or SearchSort.BestMatch:
                return ("rank DESC, published_at DESC, id DESC", after is null ? null
                    : $"(rank, published_at, id) < ({Add("after_rank", after.Rank, NpgsqlDbType.Real)}, {Add("after_published", after.PublishedAt, NpgsqlDbType.TimestampTz)}, {Add("after_id", after.Id, NpgsqlDbType.Uuid)})");
            case SearchSort.Salary:
                if (after is null)
                {
                    return ("other_currency, salary_yearly_max DESC, id DESC", null);
                }

                var other = Add("after_other", after.OtherCurrency, NpgsqlDbType.Boolean);
                var yearly = Add("after_yearly", after.YearlyMax, NpgsqlDbType.Numeric);
                var id = Add("after_id", after.Id, NpgsqlDbType.Uuid);
                return ("other_currency, salary_yearly_max DESC, id DESC",
                    $"(other_currency > {other} OR (other_currency = {other} AND (salary_yearly_max, id) < ({yearly}, {id})))");
            default:
                return ("published_at DESC, id DESC", after is null ? null
                    : $"(published_at, id) < ({Add("after_published", after.PublishedAt, NpgsqlDbType.TimestampTz)}, {Add("after_id", after.Id, NpgsqlDbType.Uuid)})");
        }
    }

    /// <summary>
    /// The tsquery: every clause of the words (its alternatives joined by ||), the skills (all of them) and the country (or
    /// anywhere), joined by &amp;&amp;; null when the search has none of them.
    /// </summary>
    private string? TsQuery(PostingSearchQuery query)
    {
        var parts = new List<string>();
        foreach (var clause in query.Text.Clauses)
        {
            var alternatives = clause.Alternatives.Select(Term).ToList();
            parts.Add(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" || ", alternatives) + ")");
        }

        if (query.SkillIds.Count > 0)
        {
            parts.Add(Lexemes("skills", query.SkillIds.Select(id => PostingSearchColumns.SkillPrefix + id), " & "));
        }

        if (query.Country is { } country)
        {
            parts.Add(Lexemes("country", [PostingSearchColumns.CountryPrefix + country.ToLowerInvariant(), PostingSearchColumns.AnyCountry], " | "));
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    private string Term(SearchTerm term)
    {
        var words = $"websearch_to_tsquery({Config}, {Add("text", WebsearchText(term), NpgsqlDbType.Text)})";
        string sql;
        if (term.SkillId is { } skillId)
        {
            var skill = Lexemes("skill", [PostingSearchColumns.SkillPrefix + skillId], "");
            // "C#", ".NET" or "C++" are a bare 'c' or 'net' to the text parser: for such a skill only its token is precise.
            sql = IsPlainWord(term.Text) ? $"({words} || {skill})" : skill;
        }
        else
        {
            sql = words;
        }

        return term.Negated ? $"!!({sql})" : sql;
    }

    /// <summary>A term as websearch_to_tsquery reads it: a phrase in quotes, quotes inside dropped.</summary>
    internal static string WebsearchText(SearchTerm term)
    {
        var text = term.Text.Replace("\"", "", StringComparison.Ordinal);
        return term.Phrase ? $"\"{text}\"" : text;
    }

    internal static bool IsPlainWord(string text) => text.All(c => char.IsLetterOrDigit(c) || c == ' ');

    /// <summary>A tsquery of exact tokens, as a literal parameter: no parsing, no stemming.</summary>
    private string Lexemes(string name, IEnumerable<string> lexemes, string join)
    {
        var literal = new StringBuilder();
        foreach (var lexeme in lexemes)
        {
            if (literal.Length > 0)
            {
                literal.Append(join);
            }

            literal.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }

        return $"{Add(name, literal.ToString(), NpgsqlDbType.Text)}::tsquery";
    }

    private string Add(string name, object value, NpgsqlDbType type)
    {
        var unique = $"{name}_{_parameters.Count}";
        _parameters.Add((unique, value, type));
        return "@" + unique;
    }
}
