using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;

namespace Marketplace.Identity.Application.Accounts.EmailConfirmation;

/// <summary>
/// What follows an address being confirmed, whichever command confirmed it (the confirmation link, a password reset, an
/// email change): an employer's company is announced to the Jobs module once, and the operator's first admin gets the
/// Admin role. The role needs more than the mailbox: the person confirming must also hold the account's password (typed
/// on the confirmation page, or just chosen by a reset), or whoever registered the address first, with a password of
/// their own, would get an admin account the moment its owner pressed "confirm".
/// </summary>
public sealed class ConfirmedAddress(IAccountStore accounts, IIntegrationEventPublisher events, IFirstAdmin firstAdmin, TimeProvider clock)
{
    /// <summary>Whether confirming this address must also prove the account's password.</summary>
    public bool AsksForPassword(string email) => firstAdmin.Is(email);

    public async Task ApplyAsync(Guid accountId, bool passwordProven)
    {
        var account = await accounts.FindAsync(accountId)
            ?? throw new InvalidOperationException($"Account {accountId} vanished inside its own transaction.");
        if (account.Kind == AccountKind.Employer && !account.CompanyAnnounced && (account.CompanyName is not null || account.InvitationId is not null))
        {
            var now = clock.GetUtcNow();
            events.Publish(new EmployerRegistered(Guid.CreateVersion7(now), now, account.Id, account.Email, account.CompanyName, account.InvitationId));
            await accounts.MarkCompanyAnnouncedAsync(account.Id);
        }

        if (passwordProven && firstAdmin.Is(account.Email))
        {
            await accounts.AddToRoleAsync(account.Id, Roles.Admin);
        }
    }
}
