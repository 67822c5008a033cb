using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;

namespace Marketplace.Jobs.Application.Postings.ForgetEmployer;

/// <summary>
/// An employer deleted their account: their postings stay (they are the company's), but no longer say who published
/// them. Safe to run twice; the inbox makes it run once anyway.
/// </summary>
[IntegrationEventHandler("jobs.forget-deleted-employer")]
public sealed class ForgetDeletedEmployer(IPostingRepository postings) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken) =>
        postings.ForgetEmployerAsync(integrationEvent.UserId, cancellationToken);
}
