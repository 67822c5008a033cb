using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Jobs.Domain.SavedSearches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Jobs.Infrastructure.Persistence.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<SavedSearch> search)
    {
        search.ToTable("saved_searches");
        search.HasKey(s => s.Id);
        search.Property(s => s.Id).ValueGeneratedNever();
        search.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        search.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        search.Property(s => s.Criteria).HasColumnType("jsonb").HasConversion(
            criteria => JsonSerializer.Serialize(criteria, Json),
            json => JsonSerializer.Deserialize<SearchCriteria>(json, Json)!,
            new ValueComparer<SearchCriteria>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                c => JsonSerializer.Serialize(c, Json).GetHashCode(StringComparison.Ordinal),
                c => JsonSerializer.Deserialize<SearchCriteria>(JsonSerializer.Serialize(c, Json), Json)!));
        search.Ignore(s => s.DomainEvents);
        search.HasIndex(s => s.UserId);
        // The sweep's scan: searches whose next alert is due.
        search.HasIndex(s => s.NextAlertAt).HasFilter("next_alert_at IS NOT NULL");
    }
}
