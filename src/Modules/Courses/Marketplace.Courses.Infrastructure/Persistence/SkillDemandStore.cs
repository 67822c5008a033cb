using Marketplace.Courses.Application.SkillDemand;
using Microsoft.EntityFrameworkCore;
using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class SkillDemandStore(CoursesDbContext context) : ISkillDemandStore
{
    public async Task CountAsync(IReadOnlyCollection<string> requiredSkillIds, IReadOnlyCollection<string> niceToHaveSkillIds, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string[] ids = [.. requiredSkillIds, .. niceToHaveSkillIds];
        int[] required = [.. requiredSkillIds.Select(_ => 1), .. niceToHaveSkillIds.Select(_ => 0)];
        if (ids.Length == 0)
        {
            return;
        }

        // One statement upserts both counts (the totals and the day's): concurrent deliveries add to the same rows without
        // lost updates or unique-key failures, in one round trip an event.
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        await context.Database.ExecuteSqlAsync(
            $"""
             WITH s AS (SELECT * FROM unnest({ids}::text[], {required}::int[]) AS s(id, required)),
             totals AS (
               INSERT INTO courses.skill_demand AS d (skill_id, required_count, nice_to_have_count, last_seen_at)
               SELECT s.id, s.required, 1 - s.required, {at} FROM s
               ON CONFLICT (skill_id) DO UPDATE SET
                 required_count = d.required_count + excluded.required_count,
                 nice_to_have_count = d.nice_to_have_count + excluded.nice_to_have_count,
                 last_seen_at = GREATEST(d.last_seen_at, excluded.last_seen_at))
             INSERT INTO courses.skill_demand_daily AS d (skill_id, day, required_count, nice_to_have_count)
             SELECT s.id, {day}, s.required, 1 - s.required FROM s
             ON CONFLICT (skill_id, day) DO UPDATE SET
               required_count = d.required_count + excluded.required_count,
               nice_to_have_count = d.nice_to_have_count + excluded.nice_to_have_count
             """,
            cancellationToken);
    }

    public async Task<IReadOnlyList<SkillDemand>> ListAsync(CancellationToken cancellationToken) =>
        await context.SkillDemand.AsNoTracking().ToListAsync(cancellationToken);
}
