using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Profiles.Infrastructure.Persistence.Configurations;

internal sealed class SeekerProfileConfiguration : IEntityTypeConfiguration<SeekerProfile>
{
    public void Configure(EntityTypeBuilder<SeekerProfile> profile)
    {
        profile.ToTable("profiles");
        profile.HasKey(p => p.Id);
        profile.Property(p => p.Id).ValueGeneratedNever();
        profile.Property(p => p.DisplayName).HasMaxLength(SeekerProfile.MaxDisplayNameLength);
        profile.Property(p => p.Headline).HasMaxLength(SeekerProfile.MaxHeadlineLength);
        profile.Property(p => p.Summary).HasMaxLength(SeekerProfile.MaxSummaryLength);
        // Read and written whole with the profile, never queried inside: one jsonb column each.
        profile.Property(p => p.Skills).HasColumnType("jsonb").HasConversion(
            new ValueConverter<IReadOnlyList<ProfileSkill>, string>(v => ProfileJson.Write(v), json => ProfileJson.ReadSkills(json)),
            new ValueComparer<IReadOnlyList<ProfileSkill>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        profile.Property(p => p.Preferences).HasColumnType("jsonb").HasConversion(
            new ValueConverter<JobPreferences, string>(v => ProfileJson.Write(v), json => ProfileJson.ReadPreferences(json)),
            new ValueComparer<JobPreferences>((a, b) => ProfileJson.Write(a!) == ProfileJson.Write(b!), v => ProfileJson.Write(v).GetHashCode(StringComparison.Ordinal), v => v));
        // The revision a client read is the version it sends back: the UPDATE checks it.
        profile.Property(p => p.Revision).IsConcurrencyToken();
        profile.Ignore(p => p.RecognisedSkills);
        profile.Ignore(p => p.UnrecognisedSkills);
        profile.Ignore(p => p.DomainEvents);
    }
}

internal sealed class CvDocumentConfiguration : IEntityTypeConfiguration<CvDocument>
{
    public void Configure(EntityTypeBuilder<CvDocument> cv)
    {
        cv.ToTable("cv_documents");
        cv.HasKey(c => c.Id);
        cv.Property(c => c.Id).ValueGeneratedNever();
        cv.Property(c => c.Text).HasMaxLength(CvDocument.MaxTextLength);
        cv.Property(c => c.FileName).HasMaxLength(CvDocument.MaxFileNameLength);
        cv.Property(c => c.Format).HasConversion<string>().HasMaxLength(10);
        cv.Ignore(c => c.DomainEvents);
    }
}
