using Marketplace.Courses.Domain.Catalog;

namespace Marketplace.Courses.Application.Catalog;

/// <summary>What the catalog's search asks for; null filters are not applied.</summary>
public sealed record CourseSearch(
    string? Text,
    IReadOnlyList<string>? SkillIds,
    CourseLevel? Level,
    decimal? MaxHours,
    decimal? MaxPrice,
    string? Provider,
    bool IncludeUnlisted,
    string Sort,
    int Page,
    int PageSize);

public sealed record CoursePage(IReadOnlyList<Course> Courses, int Total);

/// <summary>What one bulk write did: rows added, rows changed, rows that were already as the file says.</summary>
public sealed record UpsertCounts(int Added, int Updated, int Unchanged);

/// <summary>Where the catalog is kept; implemented by the Courses infrastructure.</summary>
public interface ICourseRepository
{
    void Add(Course course);

    Task<Course?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken);

    Task<Course?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Course>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Whether another course (not <paramref name="except"/>) already has this import key.</summary>
    Task<bool> ImportKeyTakenAsync(string importKey, Guid? except, CancellationToken cancellationToken);

    Task<CoursePage> SearchAsync(CourseSearch search, CancellationToken cancellationToken);

    /// <summary>The listed courses that teach at least one of the skills.</summary>
    Task<IReadOnlyList<Course>> TeachingAnyAsync(IReadOnlyCollection<string> skillIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ProvidersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds or updates courses by import key in one bulk write in the current transaction; a course already as stated is left
    /// untouched (its revision too). Keys must be distinct within the call.
    /// </summary>
    Task<UpsertCounts> UpsertAsync(IReadOnlyList<CourseDetails> courses, DateTimeOffset now, CancellationToken cancellationToken);
}
