using Marketplace.Jobs.Application.SavedSearches;
using Marketplace.Jobs.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Alerts;

/// <summary>
/// Places newly published postings in the alerts' sequence under a transaction-scoped advisory lock: stamping is one
/// sweep at a time, so when a stamping commits, every place below the highest one it saw is committed too. A sequence
/// value taken by a publishing transaction itself could commit after a higher one and be skipped by a sweep in between;
/// this is why the publishing commands leave the place empty.
/// </summary>
internal sealed class Announcements(JobsDbContext context) : IAnnouncements
{
    /// <summary>An arbitrary key for pg_advisory_xact_lock: "jobs announce" in ASCII.</summary>
    private const long LockKey = 0x6A6F627320616E6E;

    public async Task<long> StampAsync(CancellationToken cancellationToken)
    {
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await context.Database.ExecuteSqlRawAsync(
            $"""
            UPDATE {JobsDbContext.SchemaName}.postings p SET announce_seq = s.seq
            FROM (
              SELECT id, nextval('{JobsDbContext.SchemaName}.{JobsDbContext.AnnounceSequence}') AS seq
              FROM (SELECT id FROM {JobsDbContext.SchemaName}.postings
                    WHERE status = 'Published' AND announce_seq IS NULL ORDER BY published_at, id) AS waiting
            ) AS s
            WHERE p.id = s.id
            """,
            cancellationToken);
        return await context.Database
            .SqlQueryRaw<long>($"SELECT coalesce(max(announce_seq), 0) AS \"Value\" FROM {JobsDbContext.SchemaName}.postings")
            .SingleAsync(cancellationToken);
    }
}
