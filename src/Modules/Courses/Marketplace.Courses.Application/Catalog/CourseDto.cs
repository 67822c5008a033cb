using System.Globalization;
using Marketplace.Courses.Domain.Catalog;

namespace Marketplace.Courses.Application.Catalog;

public sealed record TaughtSkillDto(string SkillId, string Name, int UpToLevel, string LevelName);

/// <summary>A course as pages show it.</summary>
public sealed record CourseDto(
    Guid Id,
    int Version,
    string Title,
    string Provider,
    string? ProviderCourseId,
    string Link,
    string Format,
    string Level,
    decimal Hours,
    decimal Price,
    string Currency,
    string Language,
    string LanguageName,
    string? Summary,
    IReadOnlyList<TaughtSkillDto> Teaches,
    bool Listed,
    DateTimeOffset UpdatedAt)
{
    public string PriceText => FormatPrice(Price, Currency);

    public string HoursText => FormatHours(Hours);

    public string FormatName => FormatLabel(Format);

    public static CourseDto From(Course course, CourseSkills skills) => new(
        course.Id,
        course.Revision,
        course.Title,
        course.Provider,
        course.ProviderCourseId,
        course.Link,
        course.Format.ToString(),
        course.Level.ToString(),
        course.Hours,
        course.Price,
        course.Currency,
        course.Language,
        CourseLanguages.NameOf(course.Language),
        course.Summary,
        [.. course.Teaches.Select(t => new TaughtSkillDto(t.SkillId, skills.NameOf(t.SkillId), t.UpToLevel, CourseWords.LevelName(t.UpToLevel)))],
        course.Listed,
        course.UpdatedAt);

    public static string FormatPrice(decimal price, string currency) =>
        price == 0 ? "Free" : $"{price.ToString(price == decimal.Truncate(price) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture)} {currency}";

    public static string FormatHours(decimal hours) =>
        $"{hours.ToString("0.#", CultureInfo.InvariantCulture)} {(hours == 1 ? "hour" : "hours")}";

    public static string FormatLabel(string format) => format switch
    {
        nameof(CourseFormat.SelfPaced) => "Self-paced",
        nameof(CourseFormat.Interactive) => "Interactive",
        nameof(CourseFormat.LiveOnline) => "Live online",
        nameof(CourseFormat.InPerson) => "In person",
        nameof(CourseFormat.Book) => "Book",
        nameof(CourseFormat.Bootcamp) => "Bootcamp",
        _ => format,
    };
}
