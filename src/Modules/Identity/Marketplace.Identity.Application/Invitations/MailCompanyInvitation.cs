using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Email;
using Marketplace.Jobs.Contracts;

namespace Marketplace.Identity.Application.Invitations;

/// <summary>A company admin invited an email address: it gets a link to sign up as an employer of that company.</summary>
public sealed class MailCompanyInvitation(IEmailSender mail, IAccountLinks links) : IIntegrationEventHandler<CompanyInvitationIssued>
{
    public Task HandleAsync(CompanyInvitationIssued integrationEvent, CancellationToken cancellationToken) =>
        mail.SendAsync(
            AccountEmails.CompanyInvitation(
                integrationEvent.Email, integrationEvent.CompanyName, links.SignUpWithInvitation(integrationEvent.Token), integrationEvent.ExpiresAt),
            cancellationToken).AsTask();
}
