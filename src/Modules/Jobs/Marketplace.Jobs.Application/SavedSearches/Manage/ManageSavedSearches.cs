using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.SavedSearches;
using Mediator;

namespace Marketplace.Jobs.Application.SavedSearches.Manage;

/// <summary>The current user's saved searches, newest first.</summary>
public sealed record ListMySavedSearches : IQuery<Result<IReadOnlyList<SavedSearchDto>>>;

public sealed class ListMySavedSearchesHandler(ISavedSearchRepository searches, ICurrentUser currentUser)
    : IQueryHandler<ListMySavedSearches, Result<IReadOnlyList<SavedSearchDto>>>
{
    public async ValueTask<Result<IReadOnlyList<SavedSearchDto>>> Handle(ListMySavedSearches query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId)
        {
            return Error.Forbidden();
        }

        return Result.Success<IReadOnlyList<SavedSearchDto>>([.. (await searches.ListByUserAsync(userId, cancellationToken)).Select(SavedSearchDto.From)]);
    }
}

/// <summary>The owner changes how often a saved search alerts (Off stops the mail), or deletes it (<see cref="Delete"/>).</summary>
public sealed record ChangeSavedSearch(Guid Id, string? Frequency, bool Delete = false) : ICommand<Result>;

public sealed class ChangeSavedSearchValidator : AbstractValidator<ChangeSavedSearch>
{
    public ChangeSavedSearchValidator() =>
        RuleFor(c => c.Frequency).NotEmpty().IsEnumName(typeof(AlertFrequency), caseSensitive: false).When(c => !c.Delete)
            .WithMessage($"How often: {string.Join(", ", Enum.GetNames<AlertFrequency>())}.");
}

public sealed class ChangeSavedSearchHandler(ISavedSearchRepository searches, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ChangeSavedSearch, Result>
{
    public async ValueTask<Result> Handle(ChangeSavedSearch command, CancellationToken cancellationToken)
    {
        var search = await searches.GetAsync(command.Id, cancellationToken);
        // Someone else's search does not exist, as far as anyone else can tell.
        if (search is null || search.UserId != currentUser.UserId)
        {
            return Error.NotFound("saved search", command.Id);
        }

        if (command.Delete)
        {
            searches.Remove(search);
        }
        else
        {
            search.ChangeFrequency(Enum.Parse<AlertFrequency>(command.Frequency!, ignoreCase: true), clock.GetUtcNow());
        }

        return Result.Success();
    }
}
