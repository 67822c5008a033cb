using Marketplace.Jobs.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Jobs.Infrastructure.Persistence.Configurations;

internal sealed class PostingReportConfiguration : IEntityTypeConfiguration<PostingReport>
{
    public void Configure(EntityTypeBuilder<PostingReport> report)
    {
        report.ToTable("posting_reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.Reason).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Details).HasMaxLength(PostingReport.MaxDetailsLength);
        report.Ignore(r => r.DomainEvents);
        report.HasIndex(r => new { r.Status, r.CreatedAt });
        report.HasIndex(r => r.PostingId);
        // One open report per person and posting: reporting again changes nothing.
        report.HasIndex(r => new { r.PostingId, r.ReporterId }).IsUnique().HasFilter("status = 'Open'");
    }
}
