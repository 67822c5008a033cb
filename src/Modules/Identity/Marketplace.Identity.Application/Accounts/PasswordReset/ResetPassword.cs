using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Marketplace.Identity.Domain.Passwords;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.PasswordReset;

/// <summary>A new password through the mailed link. Every session and OAuth grant of the account ends with the old password.</summary>
public sealed record ResetPassword(Guid UserId, string? Token, string? Password) : ICommand<Result>
{
    public override string ToString() => $"ResetPassword {{ UserId = {UserId} }}";
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator() =>
        RuleFor(c => c.Password).IsEntered(PasswordPolicy.Missing);
}

public sealed class ResetPasswordHandler(IAccountStore accounts, IAccessRevocation access, ConfirmedAddress confirmed) : ICommandHandler<ResetPassword, Result>
{
    public async ValueTask<Result> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(command.UserId);
        if (account is null)
        {
            return AccountRules.InvalidLink;
        }

        var policy = PasswordPolicy.Check(command.Password, account.Email, nameof(ResetPassword.Password));
        if (policy.Count > 0)
        {
            return Result.Failure(policy);
        }

        if (!await accounts.ResetPasswordAsync(account.Id, command.Token ?? "", command.Password!))
        {
            return AccountRules.InvalidLink;
        }

        await access.RevokeAsync(account.Id, keepCurrentSession: false, cancellationToken);

        // The reset proved the mailbox and set the password the mailbox's owner chose.
        await confirmed.ApplyAsync(account.Id, passwordProven: true);
        return Result.Success();
    }
}
