using Marketplace.Courses.Application.SkillDemand;
using Microsoft.EntityFrameworkCore;
using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class SkillDemandStore(CoursesDbContext context) : ISkillDemandStore
{
    public async Task<IReadOnlyList<SkillDemand>> GetOrCreateAsync(IReadOnlyCollection<string> skillIds, CancellationToken cancellationToken)
    {
        var ids = skillIds.ToList();
        var existing = await context.SkillDemand.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        foreach (var missing in ids.Except(existing.Select(d => d.Id)))
        {
            var created = new SkillDemand(missing);
            context.SkillDemand.Add(created);
            existing.Add(created);
        }

        return existing;
    }

    public async Task<IReadOnlyList<SkillDemand>> ListAsync(CancellationToken cancellationToken) =>
        await context.SkillDemand.AsNoTracking().ToListAsync(cancellationToken);
}
