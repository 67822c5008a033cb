using System.Data;
using System.Globalization;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Jobs.Infrastructure.Search.Index;

/// <summary>
/// Search from the process's <see cref="PostingSearchIndex"/>, caught up with the postings table on every search in the same
/// round trip that has PostgreSQL print the search's tsquery: a search sees every change committed before it, on every server.
/// </summary>
/// <remarks>
/// The feed: a trigger stamps each written row with its transaction id (<c>search_xid</c>, migration SearchFeed). A read
/// takes PostgreSQL's snapshot of the transactions first (<see cref="FeedPosition"/>), then the rows stamped by a
/// transaction that had not ended at the index's last position, and moves the position to the new snapshot: a transaction
/// that had ended by then had its rows among those read. A truncation (tests reset schemas) advances an epoch sequence, and
/// the index loads again.
/// Alert sweeps (announcement marks, which the sweep stamps) and what the index does not evaluate go to PostgreSQL.
/// </remarks>
internal sealed class IndexedPostingSearch(JobsDbContext context, PostingSearchIndex index, PostgresPostingSearch database) : IPostingSearch
{
    private const string Columns = $"""
        id, search_xid::text, status = 'Published', title, company, seniority, work_mode, locations, accepted_countries,
        salary_min, salary_max, salary_currency, salary_period, skills, published_at, salary_yearly_max, skill_ids,
        CASE WHEN status = 'Published' THEN search_document::text END, CASE WHEN status = 'Published' THEN search_head::text END
        """;

    /// <summary>The snapshot of the transactions and the truncation epoch, then <paramref name="also"/> when given.</summary>
    private static string Position(string? also = null) => $"""
        SELECT pg_snapshot_xmax(s)::text, ARRAY(SELECT x::text FROM pg_snapshot_xip(s) AS x),
               (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {JobsDbContext.SchemaName}.postings_search_epoch){(also is null ? "" : ", " + also)}
        FROM pg_current_snapshot() AS s
        """;

    public async Task<PostingSearchPage> SearchAsync(PostingSearchQuery query, CancellationToken cancellationToken)
    {
        if (query.AnnouncedAfter is not null || query.AnnouncedUpTo is not null || query.FirstPublishedSince is not null)
        {
            return await database.SearchAsync(query, cancellationToken);
        }

        var terms = query.Text.Clauses.SelectMany(c => c.Alternatives).ToList();
        var hasTsQuery = terms.Count > 0 || query.SkillIds.Count > 0 || query.Country is not null;
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var opened = false;
        string[] parsed;
        try
        {
            async Task<NpgsqlConnection> OpenAsync()
            {
                if (connection.State != ConnectionState.Open)
                {
                    await connection.OpenAsync(CancellationToken.None);
                    opened = true;
                }

                return connection;
            }

            if (index.Epoch is null)
            {
                await LoadAsync(await OpenAsync(), null, cancellationToken);
            }

            // One read of the feed that began after this search arrived serves it: searches that arrive together share one.
            await index.CatchUpAsync(async () => await ReadFeedAsync(await OpenAsync()));
            parsed = await ParseAsync(terms, OpenAsync, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        TsNode? tree;
        try
        {
            tree = hasTsQuery ? TsQuery(query, parsed) : null;
        }
        catch (NotSupportedException)
        {
            return await database.SearchAsync(query, cancellationToken);
        }

        return index.Search(query, hasTsQuery, tree);
    }

    /// <summary>
    /// The tsquery <see cref="PostingSearchSql"/> builds in SQL, composed here from PostgreSQL's reading of each term: clauses,
    /// skills and country joined by and, a clause's alternatives by or; PostgreSQL's operators drop an empty side, and so
    /// does this. Null when everything reduced to nothing.
    /// </summary>
    private static TsNode? TsQuery(PostingSearchQuery query, string[] parsed)
    {
        TsNode? result = null;
        var next = 0;
        foreach (var clause in query.Text.Clauses)
        {
            TsNode? alternatives = null;
            foreach (var term in clause.Alternatives)
            {
                var words = TsText.ReadQuery(parsed[next++]);
                TsNode? node = words;
                if (term.SkillId is { } skillId)
                {
                    TsNode skill = new TsLexeme(PostingSearchColumns.SkillPrefix + skillId);
                    node = PostingSearchSql.IsPlainWord(term.Text) ? Or(words, skill) : skill;
                }

                alternatives = Or(alternatives, term.Negated && node is not null ? new TsNot(node) : node);
            }

            result = And(result, alternatives);
        }

        if (query.SkillIds.Count > 0)
        {
            TsNode? skills = null;
            foreach (var id in query.SkillIds)
            {
                skills = And(skills, new TsLexeme(PostingSearchColumns.SkillPrefix + id));
            }

            result = And(result, skills);
        }

        if (query.Country is { } country)
        {
            result = And(result, new TsOr(new TsLexeme(PostingSearchColumns.CountryPrefix + country.ToLowerInvariant()), new TsLexeme(PostingSearchColumns.AnyCountry)));
        }

        return result;
    }

    private static TsNode? And(TsNode? left, TsNode? right) => left is null ? right : right is null ? left : new TsAnd(left, right);

    private static TsNode? Or(TsNode? left, TsNode? right) => left is null ? right : right is null ? left : new TsOr(left, right);

    /// <summary>Reads what changed since the index's position and applies it (or loads again after a truncation).</summary>
    private async Task ReadFeedAsync(NpgsqlConnection connection)
    {
        // The statements' texts are fixed, so they are prepared once per connection and never planned again.
        var from = index.Position;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(Position()),
                new NpgsqlBatchCommand($"SELECT {Columns} FROM {PostingSearchSql.Table} WHERE search_xid >= @xmax::xid8 OR search_xid = ANY(@running::xid8[])")
                {
                    Parameters =
                    {
                        new NpgsqlParameter("xmax", NpgsqlDbType.Text) { Value = from.Xmax.ToString(CultureInfo.InvariantCulture) },
                        new NpgsqlParameter("running", NpgsqlDbType.Text) { Value = from.RunningLiteral },
                    },
                },
            },
        };
        await batch.PrepareAsync();
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var position = ReadPosition(reader);
        var epoch = reader.GetInt64(2);
        await reader.NextResultAsync();
        var rows = await ReadRowsAsync(reader, CancellationToken.None);
        if (epoch == index.Epoch)
        {
            index.Apply(rows, position);
        }
        else
        {
            await reader.DisposeAsync();
            await LoadAsync(connection, epoch, CancellationToken.None);
        }
    }

    /// <summary>
    /// PostgreSQL's reading of each term (websearch_to_tsquery), remembered: it depends on the text alone. Only terms not
    /// seen before cost a round trip.
    /// </summary>
    private async Task<string[]> ParseAsync(List<SearchTerm> terms, Func<Task<NpgsqlConnection>> open, CancellationToken cancellationToken)
    {
        var texts = terms.Select(PostingSearchSql.WebsearchText).ToArray();
        var parsed = new string[texts.Length];
        var missing = new List<int>();
        for (var i = 0; i < texts.Length; i++)
        {
            if (index.ParsedTerms.TryGetValue(texts[i], out var known))
            {
                parsed[i] = known;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count == 0)
        {
            return parsed;
        }

        await using var command = new NpgsqlCommand(
            "SELECT ARRAY(SELECT websearch_to_tsquery('english'::regconfig, t)::text FROM unnest(@terms::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n)",
            await open())
        {
            Parameters = { new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = missing.Select(i => texts[i]).ToArray() } },
        };
        await command.PrepareAsync(cancellationToken);
        var answers = (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
        for (var k = 0; k < missing.Count; k++)
        {
            parsed[missing[k]] = answers[k];
            index.RememberParsed(texts[missing[k]], answers[k]);
        }

        return parsed;
    }

    public Task<long> AnnouncedUpToAsync(CancellationToken cancellationToken) => database.AnnouncedUpToAsync(cancellationToken);

    /// <summary>Loads every published posting, unless another search loaded the index in <paramref name="seenEpoch"/> meanwhile.</summary>
    private async Task LoadAsync(NpgsqlConnection connection, long? seenEpoch, CancellationToken cancellationToken)
    {
        await index.Loading.WaitAsync(cancellationToken);
        try
        {
            if (index.Epoch is not null && (seenEpoch is null || index.Epoch == seenEpoch))
            {
                return;
            }

            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand(Position()),
                    new NpgsqlBatchCommand($"SELECT {Columns} FROM {PostingSearchSql.Table} WHERE status = 'Published'"),
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var position = ReadPosition(reader);
            var epoch = reader.GetInt64(2);
            await reader.NextResultAsync(cancellationToken);
            index.Load(await ReadRowsAsync(reader, cancellationToken), position, epoch);
        }
        finally
        {
            index.Loading.Release();
        }
    }

    private static FeedPosition ReadPosition(NpgsqlDataReader reader) => new(
        ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
        [.. reader.GetFieldValue<string[]>(1).Select(x => ulong.Parse(x, CultureInfo.InvariantCulture))]);

    private static async Task<List<PostingRow>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<PostingRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var xid = ulong.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            rows.Add(new PostingRow(id, xid, reader.GetBoolean(2) ? Read(reader, id, xid) : null));
        }

        return rows;
    }

    private static IndexedPosting Read(NpgsqlDataReader reader, Guid id, ulong xid) => new()
    {
        Xid = xid,
        Hit = new PostingHit(
            id,
            reader.GetString(3),
            reader.GetString(4),
            Enum.Parse<Seniority>(reader.GetString(5)),
            Enum.Parse<WorkMode>(reader.GetString(6)),
            PostingJson.Read<Place>(reader.GetString(7)),
            PostingJson.Read<string>(reader.GetString(8)),
            new Salary(reader.GetDecimal(9), reader.GetDecimal(10), reader.GetString(11), Enum.Parse<SalaryPeriod>(reader.GetString(12))),
            PostingJson.Read<PostingSkill>(reader.GetString(13)),
            reader.GetFieldValue<DateTimeOffset>(14),
            0f,
            false,
            reader.GetDecimal(15)),
        SkillIds = reader.GetFieldValue<string[]>(16),
        DocumentText = TsText.ReadVector(reader.GetString(17)),
        HeadText = TsText.ReadVector(reader.GetString(18)),
    };
}
