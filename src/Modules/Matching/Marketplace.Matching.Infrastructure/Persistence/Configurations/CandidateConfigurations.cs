using System.Text.Json;
using Marketplace.Matching.Domain.Candidates;
using Marketplace.Matching.Infrastructure.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Matching.Infrastructure.Persistence.Configurations;

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> request)
    {
        request.ToTable("contact_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.PostingTitle).HasMaxLength(300);
        request.Property(r => r.Company).HasMaxLength(300);
        request.Property(r => r.Message).HasMaxLength(ContactRequest.MaxMessageLength);
        request.Property(r => r.Version).IsConcurrencyToken();
        // A candidate is asked once per posting.
        request.HasIndex(r => new { r.PostingId, r.ProfileId }).IsUnique();
        request.HasIndex(r => r.ProfileId);
    }
}

internal sealed class SavedRankingConfiguration : IEntityTypeConfiguration<SavedRanking>
{
    public void Configure(EntityTypeBuilder<SavedRanking> ranking)
    {
        ranking.ToTable("saved_rankings");
        ranking.HasKey(r => r.Id);
        ranking.Property(r => r.Id).ValueGeneratedNever().HasColumnName("posting_id");
        ranking.Property(r => r.Weights).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Json.Options),
            v => JsonSerializer.Deserialize<Dictionary<string, int>>(v, Json.Options) ?? new Dictionary<string, int>(),
            new ValueComparer<IReadOnlyDictionary<string, int>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, int>(v)));
        ranking.Property(r => r.Dealbreakers).AsJson();
    }
}

internal sealed class PseudonymSecretConfiguration : IEntityTypeConfiguration<PseudonymSecret>
{
    public void Configure(EntityTypeBuilder<PseudonymSecret> secret)
    {
        secret.ToTable("pseudonym_secrets");
        secret.HasKey(s => s.Id);
        secret.Property(s => s.Id).ValueGeneratedNever();
    }
}
