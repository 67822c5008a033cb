using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;

namespace Marketplace.Jobs.Application.Companies.ForgetMember;

/// <summary>A deleted user leaves their company, and the invitations they sent or accepted no longer name them.</summary>
[IntegrationEventHandler("jobs.forget-deleted-member")]
public sealed class ForgetDeletedMember(ICompanyRepository companies) : IIntegrationEventHandler<UserDeleted>
{
    public Task HandleAsync(UserDeleted integrationEvent, CancellationToken cancellationToken) =>
        companies.ForgetUserAsync(integrationEvent.UserId, cancellationToken);
}
