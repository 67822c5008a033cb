using Marketplace.Courses.Domain.SkillDemand;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Courses.Infrastructure.Persistence.Configurations;

internal sealed class DailySkillDemandConfiguration : IEntityTypeConfiguration<DailySkillDemand>
{
    public void Configure(EntityTypeBuilder<DailySkillDemand> demand)
    {
        demand.ToTable("skill_demand_daily");
        demand.HasKey(d => new { d.SkillId, d.Day });
        demand.Property(d => d.SkillId).HasMaxLength(100);
        // Reading a recent period scans days, not skills.
        demand.HasIndex(d => d.Day);
    }
}
