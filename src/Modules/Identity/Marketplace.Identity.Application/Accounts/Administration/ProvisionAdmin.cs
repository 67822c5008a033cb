using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Domain.Passwords;
using Mediator;

namespace Marketplace.Identity.Application.Accounts.Administration;

/// <summary>
/// The operator's `create-admin` command: an admin account with a confirmed address and the given password. An account that
/// already uses the address is taken over (new password, confirmed, its sessions and grants ended), so nobody who
/// registered the address first keeps a way in.
/// </summary>
public sealed record ProvisionAdmin(string? Email, string? Password) : ICommand<Result<Guid>>
{
    public override string ToString() => "ProvisionAdmin";
}

public sealed class ProvisionAdminValidator : AbstractValidator<ProvisionAdmin>
{
    public ProvisionAdminValidator()
    {
        RuleFor(c => c.Email).IsEmailAddress();
        RuleFor(c => c.Password).IsEntered(PasswordPolicy.Missing);
    }
}

public sealed class ProvisionAdminHandler(IAccountStore accounts, IAccessRevocation access) : ICommandHandler<ProvisionAdmin, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ProvisionAdmin command, CancellationToken cancellationToken)
    {
        var email = command.Email!.Trim();
        var policy = PasswordPolicy.Check(command.Password, email, nameof(ProvisionAdmin.Password));
        if (policy.Count > 0)
        {
            return Result<Guid>.Failure(policy);
        }

        if (await accounts.FindByEmailAsync(email) is { } existing)
        {
            await accounts.TakeOverAsync(existing.Id, command.Password!);
            await access.RevokeAsync(existing.Id, keepCurrentSession: false, cancellationToken);
            await accounts.AddToRoleAsync(existing.Id, Roles.Admin);
            return existing.Id;
        }

        var created = await accounts.CreateAsync(new NewAccount(email, AccountKind.JobSeeker, Roles.Admin, null, null, EmailConfirmed: true), command.Password!);
        return created.IsFailure ? Result<Guid>.Failure(created.Errors) : created.Value.Id;
    }
}
