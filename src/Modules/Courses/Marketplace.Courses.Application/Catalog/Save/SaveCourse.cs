using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;
using Mediator;

namespace Marketplace.Courses.Application.Catalog.Save;

/// <summary>
/// A course as an admin's form states it, in the words people write: a duration such as "12 hours" or "3 weeks", a price,
/// and skills as one list ("PostgreSQL:4, Docker", the import's cell syntax).
/// </summary>
public sealed record CourseInput(
    string? Title,
    string? Provider,
    string? ProviderCourseId,
    string? Link,
    string? Format,
    string? Level,
    string? Duration,
    string? Price,
    string? Currency,
    string? Language,
    string? Summary,
    string? Skills);

/// <summary>An admin adds a course (<see cref="Id"/> null) or changes one at the <see cref="Version"/> they read. Answers its id.</summary>
public sealed record SaveCourse(Guid? Id, int Version, CourseInput Input) : ICommand<Result<Guid>>;

public sealed class SaveCourseValidator : AbstractValidator<SaveCourse>
{
    public SaveCourseValidator()
    {
        RuleFor(c => c.Input).NotNull();
        RuleFor(c => c.Input.Title).NotEmpty().MaximumLength(Course.MaxTitleLength).OverridePropertyName("Title");
        RuleFor(c => c.Input.Provider).NotEmpty().MaximumLength(Course.MaxProviderLength).OverridePropertyName("Provider");
        RuleFor(c => c.Input.Link).NotEmpty().MaximumLength(Course.MaxLinkLength).OverridePropertyName("Link");
        RuleFor(c => c.Input.Duration).NotEmpty().MaximumLength(Durations.MaxLength).OverridePropertyName("Duration");
        RuleFor(c => c.Input.Price).NotEmpty().WithMessage("State the price; 0 for a free course.").MaximumLength(40).OverridePropertyName("Price");
        RuleFor(c => c.Input.Skills).NotEmpty().WithMessage("List the skills the course teaches.").MaximumLength(2000).OverridePropertyName("Skills");
        RuleFor(c => c.Input.Summary).MaximumLength(Course.MaxSummaryLength).OverridePropertyName("Summary");
    }
}

public sealed class SaveCourseHandler(ICourseRepository courses, CourseSkills skills, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCourse, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SaveCourse command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep the course catalog.");
        }

        var details = Details(command.Input);
        if (details.IsFailure)
        {
            return Result<Guid>.Failure(details.Errors);
        }

        var now = clock.GetUtcNow();
        var key = Course.ImportKeyOf(details.Value.Provider, details.Value.ProviderCourseId, details.Value.Link);
        if (await courses.ImportKeyTakenAsync(key, command.Id, cancellationToken))
        {
            return Error.Validation("Link", "The catalog already has this provider's course (same provider id, or same link).");
        }

        if (command.Id is not { } id)
        {
            var created = Course.Create(Guid.CreateVersion7(now), details.Value, now);
            if (created.IsFailure)
            {
                return Result<Guid>.Failure(created.Errors);
            }

            courses.Add(created.Value);
            return created.Value.Id;
        }

        var course = await courses.GetForUpdateAsync(id, cancellationToken);
        if (course is null)
        {
            return Error.NotFound("course", id);
        }

        if (course.Revision != command.Version)
        {
            return Error.Conflict("course.stale_version", "Someone changed this course since you opened it; reload it and make your changes again.");
        }

        var updated = course.Update(details.Value, now);
        return updated.IsFailure ? Result<Guid>.Failure(updated.Errors) : course.Id;
    }

    private Result<CourseDetails> Details(CourseInput input)
    {
        var errors = new List<Error>();
        var hours = Durations.ToHours(input.Duration, "Duration");
        if (hours.IsFailure)
        {
            errors.AddRange(hours.Errors);
        }

        var price = CourseWords.Price(input.Price);
        if (price is null)
        {
            errors.Add(Error.Validation("Price", "Write the price as a number, such as 49.99, or 0 for a free course."));
        }

        var format = CourseWords.Format(input.Format);
        if (format is null)
        {
            errors.Add(Error.Validation("Format", "Choose how the course is taken."));
        }

        var level = CourseWords.Level(input.Level);
        if (level is null)
        {
            errors.Add(Error.Validation("Level", "Choose the course's level: beginner, intermediate or advanced."));
        }

        var reader = new CourseRowReader(skills.Taxonomy);
        var (teaches, unknown) = reader.Skills(input.Skills, level ?? CourseLevel.Beginner);
        if (unknown.Count > 0)
        {
            errors.Add(Error.Validation("Skills", $"We do not know {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use the skills' usual names."));
        }

        if (errors.Count > 0)
        {
            return Result<CourseDetails>.Failure(errors);
        }

        var details = new CourseDetails(
            input.Title ?? "",
            input.Provider ?? "",
            input.ProviderCourseId,
            input.Link ?? "",
            format!.Value,
            level!.Value,
            hours.Value,
            price!.Value.Amount,
            input.Currency ?? "",
            input.Language ?? "",
            input.Summary,
            teaches);
        var invalid = Course.Check(details);
        return invalid.Count > 0 ? Result<CourseDetails>.Failure(invalid) : details;
    }
}
