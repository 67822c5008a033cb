using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Domain.Catalog;
using Mediator;

namespace Marketplace.Courses.Application.Catalog.Search;

/// <summary>
/// The catalog's search: words in the title, provider or summary; a skill as people write it ("k8s", "C#/.NET" names two,
/// either counts); level; at most so many hours; at most so much (in the course's own currency); a provider. Sorted by
/// fewest hours, lowest price or title. Admins may include unlisted courses.
/// </summary>
public sealed record SearchCourses(
    string? Text = null,
    string? Skill = null,
    string? Level = null,
    decimal? MaxHours = null,
    decimal? MaxPrice = null,
    string? Provider = null,
    string? Sort = null,
    bool IncludeUnlisted = false,
    int Page = 1,
    int PageSize = 20) : IQuery<Result<CourseSearchResult>>;

public sealed record CourseSearchResult(
    IReadOnlyList<CourseDto> Courses,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SkillName> Skills,
    IReadOnlyList<string> Providers)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class SearchCoursesValidator : AbstractValidator<SearchCourses>
{
    public static readonly string[] Sorts = ["hours", "price", "title"];

    public SearchCoursesValidator()
    {
        RuleFor(q => q.Text).MaximumLength(200);
        RuleFor(q => q.Provider).MaximumLength(Course.MaxProviderLength);
        RuleFor(q => q.Level).Must(l => string.IsNullOrEmpty(l) || CourseWords.Level(l) is not null)
            .WithMessage("Level is beginner, intermediate or advanced.");
        RuleFor(q => q.MaxHours).InclusiveBetween(0, Course.MaxHours).When(q => q.MaxHours is not null);
        RuleFor(q => q.MaxPrice).InclusiveBetween(0, Course.MaxPrice).When(q => q.MaxPrice is not null);
        RuleFor(q => q.Sort).Must(s => string.IsNullOrEmpty(s) || Sorts.Contains(s)).WithMessage("Sort by hours, price or title.");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class SearchCoursesHandler(ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<SearchCourses, Result<CourseSearchResult>>
{
    public async ValueTask<Result<CourseSearchResult>> Handle(SearchCourses query, CancellationToken cancellationToken)
    {
        if (query.IncludeUnlisted && !currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins see courses taken off the catalog.");
        }

        IReadOnlyList<SkillName> named = [];
        if (!string.IsNullOrWhiteSpace(query.Skill))
        {
            var resolved = skills.Resolve(query.Skill, nameof(SearchCourses.Skill));
            if (resolved.IsFailure)
            {
                return Result<CourseSearchResult>.Failure(resolved.Errors);
            }

            named = [.. resolved.Value.Select(s => new SkillName(s.Id, s.Name))];
        }

        var page = await courses.SearchAsync(
            new CourseSearch(
                string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim(),
                named.Count == 0 ? null : [.. named.Select(s => s.SkillId)],
                CourseWords.Level(query.Level),
                query.MaxHours,
                query.MaxPrice,
                string.IsNullOrWhiteSpace(query.Provider) ? null : query.Provider.Trim(),
                query.IncludeUnlisted,
                string.IsNullOrEmpty(query.Sort) ? "hours" : query.Sort,
                query.Page,
                query.PageSize),
            cancellationToken);
        return new CourseSearchResult(
            [.. page.Courses.Select(c => CourseDto.From(c, skills))],
            page.Total,
            query.Page,
            query.PageSize,
            named,
            await courses.ProvidersAsync(cancellationToken));
    }
}
