using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Jobs.Infrastructure.Persistence.Configurations;

internal sealed class JobPostingConfiguration : IEntityTypeConfiguration<JobPosting>
{
    public void Configure(EntityTypeBuilder<JobPosting> posting)
    {
        posting.ToTable("postings");
        posting.HasKey(p => p.Id);
        posting.Property(p => p.Id).ValueGeneratedNever();
        posting.Property(p => p.Title).HasMaxLength(200);
        posting.Property(p => p.Company).HasMaxLength(200);
        posting.Property(p => p.Description).HasMaxLength(10_000);
        posting.Property(p => p.Location).HasMaxLength(200);
        posting.Property(p => p.Seniority).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.WorkMode).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.SalaryMin).HasPrecision(12, 2);
        posting.Property(p => p.SalaryMax).HasPrecision(12, 2);
        posting.Property(p => p.SalaryCurrency).HasMaxLength(3);
        posting.Property(p => p.Version).IsRowVersion();
        posting.Ignore(p => p.Salary);
        posting.Ignore(p => p.RequiredSkills);
        posting.Ignore(p => p.NiceToHaveSkills);
        posting.Ignore(p => p.DomainEvents);
        posting.OwnsMany(p => p.Skills, skills => skills.ToJson("skills"));
        posting.Navigation(p => p.Skills).HasField("_skills").UsePropertyAccessMode(PropertyAccessMode.Field);
        posting.HasIndex(p => p.PublishedAt);
    }
}
