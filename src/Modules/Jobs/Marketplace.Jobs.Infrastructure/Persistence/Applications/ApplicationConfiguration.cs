using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Jobs.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Jobs.Infrastructure.Persistence.Applications;

/// <summary>How an application's documents (the snapshots, its history, the notes) are kept in jsonb.</summary>
internal static class ApplicationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ValueConverter<T?, string?> Converter<T>() where T : class => new(
        value => value == null ? null : JsonSerializer.Serialize(value, Options),
        json => json == null ? null : JsonSerializer.Deserialize<T>(json, Options));

    public static ValueComparer<T?> Comparer<T>() where T : class => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options));

    public static ValueConverter<List<T>, string> ListConverter<T>() => new(
        list => JsonSerializer.Serialize(list, Options),
        json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>());

    public static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> application)
    {
        application.ToTable("applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.CoverNote).HasMaxLength(JobApplication.MaxCoverNoteLength);
        application.Property(a => a.CvText).HasMaxLength(JobApplication.MaxCvTextLength);
        application.Property(a => a.RejectionReason).HasMaxLength(JobApplication.MaxReasonLength);
        application.Property(a => a.Revision).IsConcurrencyToken();
        application.Property(a => a.Profile).HasColumnType("jsonb")
            .HasConversion(ApplicationJson.Converter<ProfileSnapshot>(), ApplicationJson.Comparer<ProfileSnapshot>());
        application.Property(a => a.Match).HasColumnType("jsonb")
            .HasConversion(ApplicationJson.Converter<MatchSnapshot>(), ApplicationJson.Comparer<MatchSnapshot>());
        application.Property<List<StageChange>>("_history").HasColumnName("history").HasColumnType("jsonb")
            .HasConversion(ApplicationJson.ListConverter<StageChange>(), ApplicationJson.ListComparer<StageChange>());
        application.Property<List<ApplicantNote>>("_notes").HasColumnName("notes").HasColumnType("jsonb")
            .HasConversion(ApplicationJson.ListConverter<ApplicantNote>(), ApplicationJson.ListComparer<ApplicantNote>());
        application.Ignore(a => a.History);
        application.Ignore(a => a.Notes);
        application.Ignore(a => a.IsAnonymised);
        application.Ignore(a => a.DomainEvents);

        // One application per seeker and posting; a deleted applicant's (null) do not collide.
        application.HasIndex(a => new { a.PostingId, a.ApplicantId }).IsUnique();
        application.HasIndex(a => new { a.PostingId, a.Stage, a.SubmittedAt });
        application.HasIndex(a => a.ApplicantId);
    }
}

internal sealed class RejectionTemplatesConfiguration : IEntityTypeConfiguration<RejectionTemplates>
{
    public void Configure(EntityTypeBuilder<RejectionTemplates> templates)
    {
        templates.ToTable("rejection_templates");
        templates.HasKey(t => t.Id);
        templates.Property(t => t.Id).ValueGeneratedNever().HasColumnName("owner_id");
        templates.Property<List<RejectionTemplate>>("_items").HasColumnName("items").HasColumnType("jsonb")
            .HasConversion(ApplicationJson.ListConverter<RejectionTemplate>(), ApplicationJson.ListComparer<RejectionTemplate>());
        templates.Ignore(t => t.Items);
        templates.Ignore(t => t.DomainEvents);
    }
}
