using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;

namespace Marketplace.Courses.Application.Catalog;

/// <summary>A value a form offers and how it reads.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>A catalog field a CSV column can be mapped to.</summary>
public sealed record FieldChoice(string Name, string Label, bool Required);

/// <summary>What the catalog's forms offer, from the domain's own lists, so pages never depend on the domain.</summary>
public static class CourseChoices
{
    public const int MaxUploadBytes = CourseImport.MaxFileBytes;

    public static IReadOnlyList<Choice> Formats { get; } = [.. Enum.GetValues<CourseFormat>().Select(f => new Choice(f.ToString(), CourseDto.FormatLabel(f.ToString())))];

    public static IReadOnlyList<Choice> Levels { get; } = [.. Enum.GetValues<CourseLevel>().Select(l => new Choice(l.ToString(), l.ToString()))];

    public static IReadOnlyList<string> Currencies { get; } = [.. CourseWords.Currencies.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<Choice> Languages { get; } = [.. CourseLanguages.All.Select(l => new Choice(l.Code, l.Name))];

    public static IReadOnlyList<FieldChoice> ImportFields { get; } =
        [.. Enum.GetValues<ImportField>().Select(f => new FieldChoice(f.ToString(), ColumnMapping.Label(f), ColumnMapping.Required.Contains(f)))];

    public static string DurationRule => Durations.Rule;

    /// <summary>A price as people write it ("49.99", "Free", "$49"); null when it is none.</summary>
    public static decimal? Price(string? text) => CourseWords.Price(text)?.Amount;
}
