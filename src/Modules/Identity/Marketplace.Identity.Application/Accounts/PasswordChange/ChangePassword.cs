using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Domain.Passwords;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.PasswordChange;

/// <summary>
/// The signed-in user changes their password. Their other sessions and every OAuth grant end; this session stays (the page
/// renews it after commit). A wrong current password counts toward the lockout.
/// </summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : ICommand<Result>
{
    public override string ToString() => "ChangePassword";
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).IsEntered("Enter your current password.");
        RuleFor(c => c.NewPassword).IsEntered(PasswordPolicy.Missing);
    }
}

public sealed class ChangePasswordHandler(IAccountStore accounts, IAccessRevocation access, ICurrentUser currentUser) : ICommandHandler<ChangePassword, Result>
{
    public async ValueTask<Result> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        if (await accounts.FindSignedInAsync(currentUser) is not { } account)
        {
            return AccountRules.NoSignedInAccount;
        }

        var policy = PasswordPolicy.Check(command.NewPassword, account.Email, nameof(ChangePassword.NewPassword));
        if (policy.Count > 0)
        {
            return Result.Failure(policy);
        }

        var check = await accounts.CheckPasswordAsync(account.Id, command.CurrentPassword!);
        if (AccountRules.Refusal(check, nameof(ChangePassword.CurrentPassword), "The current password is not correct.") is { } refusal)
        {
            return refusal;
        }

        await accounts.SetPasswordAsync(account.Id, command.NewPassword!);
        await access.RevokeAsync(account.Id, keepCurrentSession: true, cancellationToken);
        return Result.Success();
    }
}
