using Marketplace.Courses.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class SkillDemandReport(CoursesDbContext context, TimeProvider clock) : ISkillDemandReport
{
    public async Task<IReadOnlyList<SkillDemandCount>> MostAskedForAsync(int days, int count, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1 - Math.Clamp(days, 1, 366));
        return await context.DailySkillDemand.AsNoTracking()
            .Where(d => d.Day >= since)
            .GroupBy(d => d.SkillId)
            .Select(g => new SkillDemandCount(g.Key, g.Sum(d => d.RequiredCount + d.NiceToHaveCount), g.Sum(d => d.RequiredCount)))
            .OrderByDescending(d => d.Postings)
            .ThenBy(d => d.SkillId)
            .Take(Math.Clamp(count, 1, 100))
            .ToListAsync(cancellationToken);
    }
}
