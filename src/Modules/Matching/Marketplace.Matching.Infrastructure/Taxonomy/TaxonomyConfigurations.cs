using Marketplace.Matching.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Matching.Infrastructure.Taxonomy;

internal sealed class OverlayEntryConfiguration : IEntityTypeConfiguration<OverlayEntry>
{
    public void Configure(EntityTypeBuilder<OverlayEntry> entry)
    {
        entry.ToTable("taxonomy_overlay");
        entry.HasKey(e => e.Position);
        entry.Property(e => e.Position).ValueGeneratedNever();
        entry.Property(e => e.Kind).HasMaxLength(40);
        entry.Property(e => e.Payload).HasColumnType("jsonb");
        entry.Property(e => e.Description).HasMaxLength(400);
        entry.Property(e => e.ChangedBy).HasMaxLength(200);
    }
}

internal sealed class UnknownMentionConfiguration : IEntityTypeConfiguration<UnknownMention>
{
    public void Configure(EntityTypeBuilder<UnknownMention> mention)
    {
        mention.ToTable("unknown_mentions");
        mention.HasKey(m => m.Key);
        mention.Property(m => m.Key).HasMaxLength(UnknownMention.MaxKeyLength);
        mention.Property(m => m.Text).HasMaxLength(UnknownMention.MaxKeyLength * 2);
        mention.Property(m => m.Resolution).HasConversion<string>().HasMaxLength(20);
        mention.Property(m => m.ResolvedSkillId).HasMaxLength(100);
        mention.Property(m => m.ResolvedBy).HasMaxLength(200);
        // The queue reads open mentions, most mentioned first.
        mention.HasIndex(m => new { m.Sightings, m.LastSeenAt }).HasFilter("resolution IS NULL");
    }
}

internal sealed class MentionSightingConfiguration : IEntityTypeConfiguration<MentionSighting>
{
    public void Configure(EntityTypeBuilder<MentionSighting> sighting)
    {
        sighting.ToTable("unknown_mention_sightings");
        sighting.HasKey(s => new { s.Key, s.Source, s.SourceId });
        sighting.Property(s => s.Key).HasMaxLength(UnknownMention.MaxKeyLength);
        sighting.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        sighting.Property(s => s.SourceId).HasMaxLength(MentionSighting.MaxSourceIdLength);
        sighting.Property(s => s.Text).HasMaxLength(UnknownMention.MaxKeyLength * 2);
    }
}
