using Marketplace.Courses.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class SkillDemandReport(CoursesDbContext context, TimeProvider clock) : ISkillDemandReport
{
    public async Task<IReadOnlyList<SkillDemandCount>> MostAskedForAsync(int days, int count, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - Math.Clamp(days, 1, 366));
        // Ordered on an anonymous projection: EF cannot translate ordering by a member of a constructed record.
        var top = await context.DailySkillDemand.AsNoTracking()
            .Where(d => d.Day >= since)
            .GroupBy(d => d.SkillId)
            .Select(g => new { SkillId = g.Key, Postings = g.Sum(d => d.RequiredCount + d.NiceToHaveCount), Required = g.Sum(d => d.RequiredCount) })
            .OrderByDescending(d => d.Postings)
            .ThenBy(d => d.SkillId)
            .Take(Math.Clamp(count, 1, 100))
            .ToListAsync(cancellationToken);
        return [.. top.Select(d => new SkillDemandCount(d.SkillId, d.Postings, d.Required))];
    }
}
