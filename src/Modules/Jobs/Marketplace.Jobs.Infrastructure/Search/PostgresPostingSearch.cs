using System.Data;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Jobs.Infrastructure.Search;

/// <summary>
/// Search over PostgreSQL full-text search: the statements of <see cref="PostingSearchSql"/> in one round trip on the
/// module's connection, read straight into results (no change tracking, nothing materialized twice).
/// </summary>
internal sealed class PostgresPostingSearch(JobsDbContext context) : IPostingSearch
{
    public async Task<PostingSearchPage> SearchAsync(PostingSearchQuery query, CancellationToken cancellationToken)
    {
        var sql = PostingSearchSql.Build(query);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var batch = sql.ToBatch(connection);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var hits = new List<PostingHit>(query.PageSize + 1);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(ReadHit(reader));
            }

            var hasMore = hits.Count > query.PageSize;
            if (hasMore)
            {
                hits.RemoveAt(hits.Count - 1);
            }

            if (!query.Facets || !await reader.NextResultAsync(cancellationToken))
            {
                return new PostingSearchPage(hits, hasMore, null, null);
            }

            await reader.ReadAsync(cancellationToken);
            var counted = reader.GetInt32(0);
            await reader.NextResultAsync(cancellationToken);
            var grid = new List<(string Mode, string Seniority, int Count)>();
            var skills = new List<FacetCount>();
            var sampled = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetString(0))
                {
                    case PostingSearchSql.SampleFacet:
                        sampled = reader.GetInt32(3);
                        break;
                    case PostingSearchSql.ModeFacet:
                        grid.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                        break;
                    default:
                        skills.Add(new FacetCount(reader.GetString(1), reader.GetInt32(3)));
                        break;
                }
            }

            return new PostingSearchPage(hits, hasMore, Math.Min(counted, PostingSearchSql.CountCap), Facets(grid, skills, query) with { Approximate = sampled >= PostingSearchSql.FacetSample })
            {
                TotalCapped = counted > PostingSearchSql.CountCap,
            };
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    public async Task<long> AnnouncedUpToAsync(CancellationToken cancellationToken) =>
        await context.Database.SqlQueryRaw<long>($"SELECT coalesce(max(announce_seq), 0) AS \"Value\" FROM {PostingSearchSql.Table}").SingleAsync(cancellationToken);

    private static PostingHit ReadHit(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<Seniority>(reader.GetString(3)),
        Enum.Parse<WorkMode>(reader.GetString(4)),
        PostingJson.Read<Place>(reader.GetString(5)),
        PostingJson.Read<string>(reader.GetString(6)),
        new Salary(reader.GetDecimal(7), reader.GetDecimal(8), reader.GetString(9), Enum.Parse<SalaryPeriod>(reader.GetString(10))),
        PostingJson.Read<PostingSkill>(reader.GetString(11)),
        reader.GetFieldValue<DateTimeOffset>(12),
        reader.GetFloat(14),
        reader.GetBoolean(15),
        reader.GetDecimal(13))
    {
        WindowFrom = reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
    };

    /// <summary>Each value of a facet counted with the other facet's choice applied but not its own.</summary>
    private static PostingSearchFacets Facets(List<(string Mode, string Seniority, int Count)> grid, List<FacetCount> skills, PostingSearchQuery query) => new(
        [.. Enum.GetValues<WorkMode>().Select(m => new FacetCount(m.ToString(),
            grid.Where(c => c.Mode == m.ToString() && Chosen(query.Seniorities, c.Seniority)).Sum(c => c.Count)))],
        [.. Enum.GetValues<Seniority>().Select(s => new FacetCount(s.ToString(),
            grid.Where(c => c.Seniority == s.ToString() && Chosen(query.WorkModes, c.Mode)).Sum(c => c.Count)))],
        skills);

    private static bool Chosen<T>(IReadOnlyList<T> chosen, string value)
        where T : struct, Enum =>
        chosen.Count == 0 || chosen.Any(c => c.ToString() == value);
}
