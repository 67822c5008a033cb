using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Jobs.Application.SavedSearches.Unsubscribe;

/// <summary>What an unsubscribe link stops.</summary>
public sealed record UnsubscribeDto(IReadOnlyList<string> Searches);

/// <summary>What an unsubscribe link would stop, for the page that asks to confirm (a GET never unsubscribes).</summary>
public sealed record CheckUnsubscribeLink(string? Token) : IQuery<Result<UnsubscribeDto>>;

public sealed class CheckUnsubscribeLinkHandler(ISavedSearchRepository searches, IUnsubscribeTokens tokens) : IQueryHandler<CheckUnsubscribeLink, Result<UnsubscribeDto>>
{
    public async ValueTask<Result<UnsubscribeDto>> Handle(CheckUnsubscribeLink query, CancellationToken cancellationToken)
    {
        if (tokens.Read(query.Token) is not { } subscription)
        {
            return UnsubscribeFromAlertsHandler.NotValid;
        }

        var affected = (await searches.ListByUserAsync(subscription.UserId, cancellationToken))
            .Where(s => subscription.SearchId is null || s.Id == subscription.SearchId);
        return new UnsubscribeDto([.. affected.Select(s => s.Name)]);
    }
}

/// <summary>
/// Someone follows (or their mail client one-click POSTs, RFC 8058) an unsubscribe link: the alerts it names stop, without
/// signing in. The token is the proof; doing it twice is the same as once.
/// </summary>
public sealed record UnsubscribeFromAlerts(string? Token) : ICommand<Result<UnsubscribeDto>>;

public sealed class UnsubscribeFromAlertsHandler(ISavedSearchRepository searches, IUnsubscribeTokens tokens) : ICommandHandler<UnsubscribeFromAlerts, Result<UnsubscribeDto>>
{
    public static readonly Error NotValid = Error.Validation("Token", "This unsubscribe link is not valid; copy the whole link from the mail, or sign in and change your saved searches.");

    public async ValueTask<Result<UnsubscribeDto>> Handle(UnsubscribeFromAlerts command, CancellationToken cancellationToken)
    {
        if (tokens.Read(command.Token) is not { } subscription)
        {
            return NotValid;
        }

        var stopped = new List<string>();
        foreach (var search in await searches.ListByUserAsync(subscription.UserId, cancellationToken))
        {
            if (subscription.SearchId is null || search.Id == subscription.SearchId)
            {
                search.Unsubscribe();
                stopped.Add(search.Name);
            }
        }

        return new UnsubscribeDto(stopped);
    }
}
