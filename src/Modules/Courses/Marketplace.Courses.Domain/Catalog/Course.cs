using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.Catalog;

/// <summary>How a course is taken.</summary>
public enum CourseFormat
{
    SelfPaced,
    Interactive,
    LiveOnline,
    InPerson,
    Book,
    Bootcamp,
}

/// <summary>Who a course is written for, as providers label it.</summary>
public enum CourseLevel
{
    Beginner = 1,
    Intermediate = 2,
    Advanced = 3,
}

/// <summary>A skill a course teaches, and the level (1 to 5, as profiles count them) a learner has after it.</summary>
public sealed record TaughtSkill(string SkillId, int UpToLevel);

/// <summary>Everything an admin or an import states about a course; <see cref="Course.Check"/> says what is wrong with it.</summary>
public sealed record CourseDetails(
    string Title,
    string Provider,
    string? ProviderCourseId,
    string Link,
    CourseFormat Format,
    CourseLevel Level,
    decimal Hours,
    decimal Price,
    string Currency,
    string Language,
    string? Summary,
    IReadOnlyList<TaughtSkill> Teaches);

/// <summary>
/// A course of the catalog. It is known by its provider and the provider's id for it, or its link when the provider
/// gives none (<see cref="ImportKey"/>): importing the same course again updates it instead of adding a second.
/// </summary>
public sealed partial class Course : AggregateRoot<Guid>
{
    public const int MaxTitleLength = 200;
    public const int MaxProviderLength = 100;
    public const int MaxProviderIdLength = 100;
    public const int MaxLinkLength = 500;
    public const int MaxSummaryLength = 2000;
    public const int MaxSkills = 20;
    public const decimal MaxHours = 2000;
    public const decimal MaxPrice = 100_000;

    private Course()
    {
    }

    public string Title { get; private set; } = "";

    public string Provider { get; private set; } = "";

    public string? ProviderCourseId { get; private set; }

    public string Link { get; private set; } = "";

    /// <summary>provider key + the provider's id, or + the link: one course whatever the file it came from.</summary>
    public string ImportKey { get; private set; } = "";

    public CourseFormat Format { get; private set; }

    public CourseLevel Level { get; private set; }

    public decimal Hours { get; private set; }

    public decimal Price { get; private set; }

    public string Currency { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string? Summary { get; private set; }

    public IReadOnlyList<TaughtSkill> Teaches { get; private set; } = [];

    /// <summary>The skill ids of <see cref="Teaches"/>, kept apart so the catalog can be searched by skill.</summary>
    public string[] SkillIds { get; private set; } = [];

    /// <summary>False once an admin takes the course off the catalog; enrolments in it stay.</summary>
    public bool Listed { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Revision { get; private set; }

    public static Result<Course> Create(Guid id, CourseDetails details, DateTimeOffset now)
    {
        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result<Course>.Failure(errors);
        }

        var course = new Course { Id = id, CreatedAt = now };
        course.Apply(details, now);
        return course;
    }

    public Result Update(CourseDetails details, DateTimeOffset now)
    {
        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Apply(details, now);
        return Result.Success();
    }

    public void List(bool listed, DateTimeOffset now)
    {
        if (Listed != listed)
        {
            Listed = listed;
            UpdatedAt = now;
            Revision++;
        }
    }

    /// <summary>What is wrong with the details, each error naming its field; empty when nothing is.</summary>
    public static IReadOnlyList<Error> Check(CourseDetails details)
    {
        var errors = new List<Error>();
        void Require(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(Error.Validation(field, message));
            }
        }

        var title = details.Title?.Trim() ?? "";
        Require(title.Length is >= 3 and <= MaxTitleLength, nameof(CourseDetails.Title), $"Give the course a title of 3 to {MaxTitleLength} characters.");
        var provider = details.Provider?.Trim() ?? "";
        Require(provider.Length is >= 2 and <= MaxProviderLength, nameof(CourseDetails.Provider), $"Name the provider in 2 to {MaxProviderLength} characters.");
        Require((details.ProviderCourseId?.Trim().Length ?? 0) <= MaxProviderIdLength, nameof(CourseDetails.ProviderCourseId), $"The provider's id is at most {MaxProviderIdLength} characters.");
        Require(IsWebLink(details.Link), nameof(CourseDetails.Link), "The link must be a full http or https address, at most 500 characters.");
        Require(Enum.IsDefined(details.Format), nameof(CourseDetails.Format), "Choose how the course is taken.");
        Require(Enum.IsDefined(details.Level), nameof(CourseDetails.Level), "Choose the course's level: beginner, intermediate or advanced.");
        Require(details.Hours > 0 && details.Hours <= MaxHours, nameof(CourseDetails.Hours), $"Hours must be more than 0 and at most {MaxHours:0}.");
        Require(details.Price >= 0 && details.Price <= MaxPrice, nameof(CourseDetails.Price), $"The price must be 0 (free) to {MaxPrice:0}.");
        Require(CourseWords.Currencies.Contains(details.Currency?.Trim().ToUpperInvariant() ?? ""), nameof(CourseDetails.Currency), "The currency is a three-letter ISO 4217 code, such as EUR or USD.");
        Require(CourseLanguages.Find(details.Language) is not null, nameof(CourseDetails.Language), "Choose the language the course is taught in.");
        Require((details.Summary?.Trim().Length ?? 0) <= MaxSummaryLength, nameof(CourseDetails.Summary), $"The summary is at most {MaxSummaryLength} characters.");
        var teaches = details.Teaches ?? [];
        Require(teaches.Count is >= 1 and <= MaxSkills, nameof(CourseDetails.Teaches), $"A course teaches 1 to {MaxSkills} skills.");
        Require(teaches.All(t => t.UpToLevel is >= 1 and <= 5), nameof(CourseDetails.Teaches), "The level a course brings a skill to is 1 to 5.");
        Require(teaches.Select(t => t.SkillId).Distinct(StringComparer.Ordinal).Count() == teaches.Count, nameof(CourseDetails.Teaches), "List each skill once.");
        return errors;
    }

    /// <summary>The key two rows of the same course share: the provider (case and spacing aside) and its id, or the link.</summary>
    public static string ImportKeyOf(string provider, string? providerCourseId, string link)
    {
        var providerKey = Spaces().Replace(provider.Trim().ToLowerInvariant(), " ");
        return string.IsNullOrWhiteSpace(providerCourseId)
            ? $"{providerKey}|link:{NormalizedLink(link)}"
            : $"{providerKey}|id:{providerCourseId.Trim()}";
    }

    /// <summary>A link as the key compares it: scheme and host in lower case, no fragment, no trailing slash.</summary>
    public static string NormalizedLink(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri))
        {
            return link.Trim();
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}{path}{uri.Query}";
    }

    public static bool IsWebLink(string? link) =>
        link is { Length: > 0 and <= MaxLinkLength }
        && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    private void Apply(CourseDetails details, DateTimeOffset now)
    {
        Title = details.Title.Trim();
        Provider = Spaces().Replace(details.Provider.Trim(), " ");
        ProviderCourseId = string.IsNullOrWhiteSpace(details.ProviderCourseId) ? null : details.ProviderCourseId.Trim();
        Link = details.Link.Trim();
        ImportKey = ImportKeyOf(Provider, ProviderCourseId, Link);
        Format = details.Format;
        Level = details.Level;
        Hours = Math.Round(details.Hours, 1, MidpointRounding.AwayFromZero);
        Price = Math.Round(details.Price, 2, MidpointRounding.AwayFromZero);
        Currency = details.Currency.Trim().ToUpperInvariant();
        Language = CourseLanguages.Find(details.Language)!.Code;
        Summary = string.IsNullOrWhiteSpace(details.Summary) ? null : details.Summary.Trim();
        Teaches = [.. details.Teaches];
        SkillIds = [.. details.Teaches.Select(t => t.SkillId)];
        UpdatedAt = now;
        Revision++;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
