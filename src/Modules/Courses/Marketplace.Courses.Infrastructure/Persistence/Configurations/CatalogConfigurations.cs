using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Enrolments;
using Marketplace.Courses.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Courses.Infrastructure.Persistence.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.ToTable("courses");
        course.HasKey(c => c.Id);
        course.Property(c => c.Id).ValueGeneratedNever();
        course.Property(c => c.Title).HasMaxLength(Course.MaxTitleLength);
        course.Property(c => c.Provider).HasMaxLength(Course.MaxProviderLength);
        course.Property(c => c.ProviderCourseId).HasMaxLength(Course.MaxProviderIdLength);
        course.Property(c => c.Link).HasMaxLength(Course.MaxLinkLength);
        course.Property(c => c.ImportKey).HasMaxLength(Course.MaxProviderLength + Course.MaxLinkLength + 10);
        course.HasIndex(c => c.ImportKey).IsUnique();
        course.Property(c => c.Format).HasConversion<string>().HasMaxLength(20);
        course.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        course.Property(c => c.Hours).HasPrecision(7, 1);
        course.Property(c => c.Price).HasPrecision(10, 2);
        course.Property(c => c.Currency).HasMaxLength(3);
        course.Property(c => c.Language).HasMaxLength(2);
        course.Property(c => c.Summary).HasMaxLength(Course.MaxSummaryLength);
        course.Property(c => c.Teaches).HasColumnType("jsonb")
            .HasConversion(CourseJson.Converter<IReadOnlyList<TaughtSkill>>(), CourseJson.Comparer<IReadOnlyList<TaughtSkill>>());
        // Searched by skill: "skill_ids && {ids}" uses the GIN index.
        course.HasIndex(c => c.SkillIds).HasMethod("gin");
        course.HasIndex(c => new { c.Listed, c.Hours });
        course.Property(c => c.Revision).IsConcurrencyToken();
        course.Ignore(c => c.DomainEvents);
    }
}

internal sealed class CourseImportConfiguration : IEntityTypeConfiguration<CourseImport>
{
    public void Configure(EntityTypeBuilder<CourseImport> import)
    {
        import.ToTable("imports");
        import.HasKey(i => i.Id);
        import.Property(i => i.Id).ValueGeneratedNever();
        import.Property(i => i.Source).HasMaxLength(Course.MaxProviderLength);
        import.Property(i => i.SourceKey).HasMaxLength(Course.MaxProviderLength);
        import.Property(i => i.FileName).HasMaxLength(260);
        import.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        import.Property(i => i.Mapping).HasColumnType("jsonb")
            .HasConversion(CourseJson.Converter<Dictionary<ImportField, string>>(), CourseJson.Comparer<Dictionary<ImportField, string>>());
        import.Property(i => i.Rejected).HasColumnType("jsonb")
            .HasConversion(CourseJson.Converter<List<RejectedRow>>(), CourseJson.Comparer<List<RejectedRow>>());
        import.Property(i => i.Unknown).HasColumnType("jsonb")
            .HasConversion(CourseJson.Converter<List<UnknownMention>>(), CourseJson.Comparer<List<UnknownMention>>());
        import.Property(i => i.Failure).HasMaxLength(500);
        import.HasIndex(i => i.CreatedAt);
        import.Ignore(i => i.Percent);
        import.Ignore(i => i.HasWork);
        import.Ignore(i => i.DomainEvents);
    }
}

internal sealed class RememberedMappingConfiguration : IEntityTypeConfiguration<RememberedMapping>
{
    public void Configure(EntityTypeBuilder<RememberedMapping> mapping)
    {
        mapping.ToTable("import_mappings");
        mapping.HasKey(m => m.Id);
        mapping.Property(m => m.Id).HasColumnName("source_key").HasMaxLength(Course.MaxProviderLength);
        mapping.Property(m => m.Columns).HasColumnType("jsonb")
            .HasConversion(CourseJson.Converter<Dictionary<ImportField, string>>(), CourseJson.Comparer<Dictionary<ImportField, string>>());
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> enrolment)
    {
        enrolment.ToTable("enrolments");
        enrolment.HasKey(e => e.Id);
        enrolment.Property(e => e.Id).ValueGeneratedNever();
        enrolment.HasIndex(e => new { e.SeekerId, e.CourseId }).IsUnique();
        enrolment.HasIndex(e => e.CourseId);
        enrolment.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        enrolment.Property(e => e.Revision).IsConcurrencyToken();
        enrolment.Ignore(e => e.DomainEvents);
    }
}

internal sealed class LearningSharingConfiguration : IEntityTypeConfiguration<LearningSharing>
{
    public void Configure(EntityTypeBuilder<LearningSharing> sharing)
    {
        sharing.ToTable("learning_sharing");
        sharing.HasKey(s => s.Id);
        sharing.Property(s => s.Id).HasColumnName("seeker_id").ValueGeneratedNever();
        sharing.Ignore(s => s.DomainEvents);
    }
}
