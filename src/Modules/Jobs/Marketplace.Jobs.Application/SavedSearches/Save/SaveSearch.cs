using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Application.Search;
using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Domain.SavedSearches;
using Mediator;

namespace Marketplace.Jobs.Application.SavedSearches.Save;

/// <summary>
/// A signed-in seeker keeps the search they are looking at, with how often to hear of new postings that match it. Alerts
/// start from now: postings already published are not announced.
/// </summary>
public sealed record SaveSearch(SearchPostings Search, string? Name, string? Frequency) : ICommand<Result<SavedSearchDto>>;

public sealed class SaveSearchValidator : AbstractValidator<SaveSearch>
{
    public SaveSearchValidator()
    {
        RuleFor(c => c.Search).NotNull().SetValidator(new SearchPostingsValidator());
        RuleFor(c => c.Name).MaximumLength(SavedSearch.MaxNameLength);
        RuleFor(c => c.Frequency).NotEmpty().IsEnumName(typeof(AlertFrequency), caseSensitive: false)
            .WithMessage($"How often: {string.Join(", ", Enum.GetNames<AlertFrequency>())}.");
    }
}

public sealed class SaveSearchHandler(
    ISavedSearchRepository searches,
    IPostingSearch postings,
    SkillCatalog skills,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<SaveSearch, Result<SavedSearchDto>>
{
    public async ValueTask<Result<SavedSearchDto>> Handle(SaveSearch command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Error.Forbidden("Sign in to save a search.");
        }

        var now = clock.GetUtcNow();
        // The same checks as running the search: a skill that names nothing is refused, not saved.
        var runnable = SearchPostingsHandler.Build(command.Search, skills, now);
        if (runnable.IsFailure)
        {
            return Result<SavedSearchDto>.Failure(runnable.Errors);
        }

        var criteria = command.Search.ToCriteria();
        var name = string.IsNullOrWhiteSpace(command.Name) ? SavedSearchNames.Summary(criteria) : command.Name;
        var existing = await searches.ListByUserAsync(userId, cancellationToken);
        var saved = SavedSearch.Save(
            Guid.CreateVersion7(now),
            userId,
            name,
            criteria,
            Enum.Parse<AlertFrequency>(command.Frequency!, ignoreCase: true),
            await postings.AnnouncedUpToAsync(cancellationToken),
            existing.Count,
            now);
        if (saved.IsFailure)
        {
            return Result<SavedSearchDto>.Failure(saved.Errors);
        }

        searches.Add(saved.Value);
        return SavedSearchDto.From(saved.Value);
    }
}
