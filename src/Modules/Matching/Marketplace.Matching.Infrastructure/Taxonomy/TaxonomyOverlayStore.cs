using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Taxonomy;

/// <summary>The overlay rows. A change takes the projections' feed lock and position, so it is ordered with them in commit order.</summary>
internal sealed class TaxonomyOverlayStore(MatchingDbContext context) : ITaxonomyOverlay
{
    public async Task<IReadOnlyList<OverlayEntry>> LockAndLoadAsync(CancellationToken cancellationToken)
    {
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ProjectionStore.FeedLock})", cancellationToken);
        return await context.TaxonomyOverlay.AsNoTracking().OrderBy(e => e.Position).ToListAsync(cancellationToken);
    }

    public async Task<long> AppendAsync(TaxonomyChange change, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var position = (await context.Database.SqlQuery<long>($"SELECT nextval('matching.change_feed') AS \"Value\"").ToListAsync(cancellationToken))[0];
        context.TaxonomyOverlay.Add(new OverlayEntry(position, change, changedBy, changedAt));
        await context.SaveChangesAsync(cancellationToken);
        return position;
    }

    public async Task<IReadOnlyList<OverlayEntry>> RecentAsync(int count, CancellationToken cancellationToken) =>
        await context.TaxonomyOverlay.AsNoTracking().OrderByDescending(e => e.Position).Take(count).ToListAsync(cancellationToken);

    /// <summary>Every change stored after <paramref name="position"/>, oldest first.</summary>
    internal static async Task<List<OverlayEntry>> AfterAsync(MatchingDbContext context, long position, CancellationToken cancellationToken) =>
        await context.TaxonomyOverlay.AsNoTracking().Where(e => e.Position > position).OrderBy(e => e.Position).ToListAsync(cancellationToken);
}
