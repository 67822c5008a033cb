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
        posting.Property(p => p.Title).HasMaxLength(JobPosting.MaxTitleLength);
        posting.Property(p => p.Company).HasMaxLength(JobPosting.MaxCompanyLength);
        posting.Property(p => p.Description).HasMaxLength(JobPosting.MaxDescriptionLength);
        posting.Property(p => p.Seniority).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.WorkMode).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.ClosingReason).HasConversion<string>().HasMaxLength(20);
        posting.Property(p => p.HoldReason).HasMaxLength(JobPosting.MaxHoldReasonLength);
        posting.Property(p => p.Revision).IsConcurrencyToken();
        posting.ComplexProperty(p => p.Salary, salary =>
        {
            salary.Property(s => s.Min).HasColumnName("salary_min").HasPrecision(14, 2);
            salary.Property(s => s.Max).HasColumnName("salary_max").HasPrecision(14, 2);
            salary.Property(s => s.Currency).HasColumnName("salary_currency").HasMaxLength(3);
            salary.Property(s => s.Period).HasColumnName("salary_period").HasConversion<string>().HasMaxLength(10);
        });
        posting.Property(p => p.Skills).HasField("_skills").HasColumnType("jsonb").HasConversion(PostingJson.Converter<PostingSkill>(), PostingJson.Comparer<PostingSkill>());
        posting.Property(p => p.Locations).HasField("_locations").HasColumnType("jsonb").HasConversion(PostingJson.Converter<Place>(), PostingJson.Comparer<Place>());
        posting.Property(p => p.AcceptedCountries).HasField("_acceptedCountries").HasColumnType("jsonb")
            .HasConversion(PostingJson.Converter<string>(), PostingJson.Comparer<string>());
        posting.Ignore(p => p.RequiredSkills);
        posting.Ignore(p => p.NiceToHaveSkills);
        posting.Ignore(p => p.IsPublic);
        posting.Ignore(p => p.CanBePublished);
        posting.Ignore(p => p.CanBeRenewed);
        posting.Ignore(p => p.CanBeClosed);
        posting.Ignore(p => p.DomainEvents);

        PostingSearchColumns.Configure(posting);

        posting.HasIndex(p => p.CompanyId);
        posting.HasIndex(p => p.EmployerId);
        // The expiry sweep's scan: published postings by the end of their publication.
        posting.HasIndex(p => new { p.Status, p.ExpiresAt });
    }
}
