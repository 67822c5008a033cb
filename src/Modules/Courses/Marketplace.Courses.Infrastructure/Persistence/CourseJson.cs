using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Courses.Infrastructure.Persistence;

/// <summary>How the module's jsonb columns are written: camelCase, enums as names; the bulk write uses the same shape.</summary>
internal static class CourseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyList<TaughtSkill> teaches) => JsonSerializer.Serialize(teaches, Options);

    public static ValueConverter<T, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), json => JsonSerializer.Deserialize<T>(json, Options)!);

    public static ValueComparer<T> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);

    public static IReadOnlyList<TaughtSkill> ReadTeaches(string json) => JsonSerializer.Deserialize<List<TaughtSkill>>(json, Options) ?? [];

    public static Dictionary<ImportField, string> ReadMapping(string json) => JsonSerializer.Deserialize<Dictionary<ImportField, string>>(json, Options) ?? [];
}
