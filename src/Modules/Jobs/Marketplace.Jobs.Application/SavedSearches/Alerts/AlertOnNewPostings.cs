using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Jobs.Application.SavedSearches.Alerts;

/// <summary>
/// "As new postings appear": a published posting starts an alert sweep soon, instead of waiting for the next minute's.
/// Sweeps are safe to run at any time and in any number, so a redelivered event costs one more empty sweep at most.
/// </summary>
[IntegrationEventHandler("jobs.alert-on-new-postings")]
public sealed class AlertOnNewPostings(IAlertSweepTrigger sweep) : IIntegrationEventHandler<PostingPublished>
{
    public Task HandleAsync(PostingPublished integrationEvent, CancellationToken cancellationToken)
    {
        sweep.SweepSoon();
        return Task.CompletedTask;
    }
}
