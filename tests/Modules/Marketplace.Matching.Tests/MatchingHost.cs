using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Matching.Contracts;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests;

/// <summary>What the matching tests do to a host: publish a module's events through its outbox and relay them, read a profile's matches.</summary>
internal static class MatchingHost
{
    /// <summary>Commits the events in the module's outbox, as its own command would, and relays them at once.</summary>
    public static async Task PublishAsync(MarketplaceApp app, string module, params IIntegrationEvent[] events)
    {
        await app.InScopeAsync(async services =>
        {
            var catalog = services.GetRequiredService<ModuleCatalog>();
            var context = catalog.ResolveContext(services, catalog.Get(module));
            var outbox = services.GetRequiredService<IntegrationEventOutbox>();
            foreach (var e in events) outbox.Publish(e);
            outbox.FlushInto(context);
            return await context.SaveChangesAsync();
        });
        await app.RelayOutboxAsync(module);
    }

    public static Task<RankedPage<ProfileMatchView>> MatchesAsync(MarketplaceApp app, Guid profile) =>
        app.InScopeAsync(s => s.GetRequiredService<IMatchingFacade>().MatchesOfProfileAsync(profile, 1, 100, CancellationToken.None));
}
