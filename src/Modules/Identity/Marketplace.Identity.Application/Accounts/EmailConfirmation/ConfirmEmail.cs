using Marketplace.BuildingBlocks.Domain;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.EmailConfirmation;

/// <summary>
/// The button on the page the confirmation link opens (a POST, so a mail scanner following the link confirms nothing). The
/// link's fields are not typed by anyone: anything wrong with them is one answer, an invalid link. The configured first
/// admin's address also asks for the account's <see cref="Password"/> (see <see cref="ConfirmedAddress"/>).
/// </summary>
public sealed record ConfirmEmail(Guid UserId, string? Token, string? Password = null) : ICommand<Result>
{
    public override string ToString() => $"ConfirmEmail {{ UserId = {UserId} }}";
}

public sealed class ConfirmEmailHandler(IAccountStore accounts, ConfirmedAddress confirmed) : ICommandHandler<ConfirmEmail, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmail command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(command.UserId);
        if (account is null)
        {
            return AccountRules.InvalidLink;
        }

        // Pressing the button twice (or in two tabs) is not an error.
        if (account.EmailConfirmed)
        {
            return Result.Success();
        }

        var passwordProven = false;
        if (confirmed.AsksForPassword(account.Email))
        {
            if (string.IsNullOrEmpty(command.Password))
            {
                return Error.Validation(nameof(ConfirmEmail.Password), "Enter the password you chose when you signed up.");
            }

            var check = await accounts.CheckPasswordAsync(account.Id, command.Password);
            if (AccountRules.Refusal(check, nameof(ConfirmEmail.Password),
                    "This is not the password of this account. If you did not sign up yourself, use \"Forgot your password?\" to choose one.") is { } refusal)
            {
                return refusal;
            }

            passwordProven = true;
        }

        if (!await accounts.ConfirmEmailAsync(account.Id, command.Token ?? ""))
        {
            return AccountRules.InvalidLink;
        }

        await confirmed.ApplyAsync(account.Id, passwordProven);
        return Result.Success();
    }
}
