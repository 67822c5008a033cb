using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Email;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.EmailConfirmation;

/// <summary>A new confirmation link for an unconfirmed account; the answer is the same for any address.</summary>
public sealed record ResendConfirmation(string? Email) : ICommand<Result>;

public sealed class ResendConfirmationHandler(IAccountStore accounts, IEmailSender mail, IAccountLinks links) : ICommandHandler<ResendConfirmation, Result>
{
    public async ValueTask<Result> Handle(ResendConfirmation command, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(command.Email) && await accounts.FindByEmailAsync(command.Email.Trim()) is { EmailConfirmed: false } account)
        {
            var token = await accounts.CreateEmailConfirmationTokenAsync(account.Id);
            await mail.SendAsync(AccountEmails.ConfirmEmail(account.Email, links.ConfirmEmail(account.Id, token)), cancellationToken);
        }

        return Result.Success();
    }
}
