using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Jobs.Infrastructure.Persistence;

/// <summary>How a posting's lists (skills, places, countries) are kept in jsonb columns, for EF Core and for the search's own reads.</summary>
internal static class PostingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() => new(
        list => JsonSerializer.Serialize(list, Options),
        json => Read<T>(json));

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
