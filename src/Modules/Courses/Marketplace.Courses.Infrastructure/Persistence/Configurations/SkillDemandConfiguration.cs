using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillDemand = Marketplace.Courses.Domain.SkillDemand.SkillDemand;

namespace Marketplace.Courses.Infrastructure.Persistence.Configurations;

internal sealed class SkillDemandConfiguration : IEntityTypeConfiguration<SkillDemand>
{
    public void Configure(EntityTypeBuilder<SkillDemand> demand)
    {
        demand.ToTable("skill_demand");
        demand.HasKey(d => d.Id);
        demand.Property(d => d.Id).HasColumnName("skill_id").HasMaxLength(100).ValueGeneratedNever();
    }
}
