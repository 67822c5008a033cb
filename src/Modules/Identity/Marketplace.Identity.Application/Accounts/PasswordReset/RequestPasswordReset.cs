using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Email;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.PasswordReset;

/// <summary>"Forgot your password?": a registered address is mailed a reset link; the answer is the same for any address.</summary>
public sealed record RequestPasswordReset(string? Email) : ICommand<Result>;

public sealed class RequestPasswordResetHandler(IAccountStore accounts, IEmailSender mail, IAccountLinks links) : ICommandHandler<RequestPasswordReset, Result>
{
    public async ValueTask<Result> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(command.Email) && await accounts.FindByEmailAsync(command.Email.Trim()) is { } account)
        {
            var token = await accounts.CreatePasswordResetTokenAsync(account.Id);
            await mail.SendAsync(AccountEmails.ResetPassword(account.Email, links.ResetPassword(account.Id, token)), cancellationToken);
        }

        return Result.Success();
    }
}
