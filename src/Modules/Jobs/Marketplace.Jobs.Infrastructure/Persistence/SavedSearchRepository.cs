using Marketplace.Jobs.Application.SavedSearches;
using Marketplace.Jobs.Domain.SavedSearches;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Jobs.Infrastructure.Persistence;

internal sealed class SavedSearchRepository(JobsDbContext context) : ISavedSearchRepository
{
    public void Add(SavedSearch search) => context.SavedSearches.Add(search);

    public void Remove(SavedSearch search) => context.SavedSearches.Remove(search);

    public Task<SavedSearch?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        context.SavedSearches.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<SavedSearch>> ListByUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await context.SavedSearches.Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> ListDueUsersAsync(DateTimeOffset now, long upTo, int take, CancellationToken cancellationToken) =>
        await context.SavedSearches.AsNoTracking()
            .Where(s => s.NextAlertAt != null && s.NextAlertAt <= now && (s.Frequency != AlertFrequency.Instant || s.AnnouncedUpTo < upTo))
            .Select(s => s.UserId)
            .Distinct()
            .OrderBy(id => id)
            .Take(take)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SavedSearch>> LockDueAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The person first, then their searches: row locks alone let two sweeps that meet split one person's searches between
        // them (each statement locks rows as it reads them), and so send two digests. Held until this transaction ends.
        var ours = await context.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended('jobs.saved-search-alerts:' || {userId}::text, 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!ours)
        {
            return [];
        }

        return await context.SavedSearches
            .FromSql($"""
                SELECT * FROM jobs.saved_searches
                WHERE user_id = {userId} AND next_alert_at IS NOT NULL AND next_alert_at <= {now}
                ORDER BY created_at
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
    }

    public Task<int> DeleteByUserAsync(Guid userId, CancellationToken cancellationToken) =>
        context.SavedSearches.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
