using System.Text.Json;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Matching.Infrastructure.Persistence.Configurations;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyList<T>> AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
}

internal sealed class ProfileProjectionConfiguration : IEntityTypeConfiguration<ProfileProjection>
{
    public void Configure(EntityTypeBuilder<ProfileProjection> profile)
    {
        profile.ToTable("profiles");
        profile.HasKey(p => p.Id);
        profile.Property(p => p.Id).ValueGeneratedNever();
        profile.Property(p => p.Skills).AsJson();
        profile.Property(p => p.Unrecognised).AsJson();
        // The change feed is read by position.
        profile.HasIndex(p => p.Sequence).IsUnique();
    }
}

internal sealed class PostingProjectionConfiguration : IEntityTypeConfiguration<PostingProjection>
{
    public void Configure(EntityTypeBuilder<PostingProjection> posting)
    {
        posting.ToTable("postings");
        posting.HasKey(p => p.Id);
        posting.Property(p => p.Id).ValueGeneratedNever();
        posting.Property(p => p.Skills).AsJson();
        posting.HasIndex(p => p.Sequence).IsUnique();
    }
}

internal sealed class StoredProfileMatchConfiguration : IEntityTypeConfiguration<StoredProfileMatch>
{
    public void Configure(EntityTypeBuilder<StoredProfileMatch> match)
    {
        match.ToTable("profile_matches");
        match.HasKey(m => new { m.ProfileId, m.PostingId });
    }
}

internal sealed class StoredCandidateConfiguration : IEntityTypeConfiguration<StoredCandidate>
{
    public void Configure(EntityTypeBuilder<StoredCandidate> candidate)
    {
        candidate.ToTable("posting_candidates");
        candidate.HasKey(m => new { m.PostingId, m.ProfileId });
    }
}

internal sealed class FeedStateConfiguration : IEntityTypeConfiguration<FeedState>
{
    public void Configure(EntityTypeBuilder<FeedState> state)
    {
        state.ToTable("feed_state");
        state.HasKey(s => s.Id);
        state.Property(s => s.Id).ValueGeneratedNever();
    }
}

internal sealed class RematchRunConfiguration : IEntityTypeConfiguration<RematchRun>
{
    public void Configure(EntityTypeBuilder<RematchRun> run)
    {
        run.ToTable("rematch_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.Property(r => r.StartedBy).HasMaxLength(200);
        run.HasIndex(r => r.StartedAt);
    }
}

internal sealed class RematchBatchConfiguration : IEntityTypeConfiguration<RematchBatch>
{
    public void Configure(EntityTypeBuilder<RematchBatch> batch)
    {
        batch.ToTable("rematch_batches");
        batch.HasKey(b => new { b.RunId, b.Number });
        batch.Property(b => b.Kind).HasMaxLength(20);
        batch.Property(b => b.DoneBy).HasMaxLength(300);
    }
}
