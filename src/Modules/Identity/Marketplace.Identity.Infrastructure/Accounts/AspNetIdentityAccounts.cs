using System.Net.Mail;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Email;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Domain.Passwords;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Infrastructure.Sessions;
using Marketplace.Jobs.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using System.Text;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>The account use cases on ASP.NET Core Identity.</summary>
internal sealed class AspNetIdentityAccounts(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IdentityModuleDbContext db,
    IEmailSender mail,
    IAccountLinks links,
    IIntegrationEventPublisher events,
    IntegrationEventOutbox outbox,
    IOutboxRelayTrigger relayTrigger,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    ICompanyInvitations invitations,
    TimeProvider clock) : IAccounts
{
    // Verified against when the email is unknown, so that answer costs as much time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<Result> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var address = NormalizeEmail(request.Email, errors);
        errors.AddRange(PasswordPolicy.Check(request.Password, address));
        var company = request.CompanyName?.Trim();
        var kind = request.Kind;
        InvitationCheck? invitation = null;
        if (!string.IsNullOrWhiteSpace(request.InvitationToken))
        {
            // Invited: an employer of the inviting company, under the invited address; no company of their own.
            invitation = await invitations.CheckAsync(request.InvitationToken, cancellationToken);
            kind = AccountKind.Employer;
            company = null;
            if (invitation.Problem is { } problem)
            {
                errors.Add(Error.Validation("Invitation", problem));
            }
            else if (address is not null && !string.Equals(address, invitation.Email, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(Error.Validation("Email", "This invitation was sent to another email address; sign up with the address that received it."));
            }
        }
        else if (request.Kind == AccountKind.Employer && string.IsNullOrEmpty(company))
        {
            errors.Add(Error.Validation("CompanyName", "Enter the name of your company."));
        }
        else if (company is { Length: > 200 })
        {
            errors.Add(Error.Validation("CompanyName", "Use at most 200 characters."));
        }

        if (!Enum.IsDefined(kind))
        {
            errors.Add(Error.Validation("Kind", "Choose job seeker or employer."));
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        var existing = await users.FindByEmailAsync(address!);
        if (existing is not null)
        {
            users.PasswordHasher.HashPassword(existing, request.Password!);
            await mail.SendAsync(AccountEmails.AlreadyRegistered(existing.Email!, links.SignIn()), cancellationToken);
            return Result.Success();
        }

        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = address,
            Email = address,
            Kind = kind,
            CompanyName = kind == AccountKind.Employer ? company : null,
            InvitationId = invitation?.InvitationId,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Result.Failure(ToErrors(created, "Password"));
        }

        await users.AddToRoleAsync(user, kind == AccountKind.Employer ? Roles.Employer : Roles.JobSeeker);
        await SendConfirmationAsync(user, cancellationToken);
        return Result.Success();
    }

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, bool remember, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            new PasswordHasher<ApplicationUser>().VerifyHashedPassword(new ApplicationUser(), DecoyHash.Value, password ?? "");
            return SignInOutcome.Rejected;
        }

        if (!user.EmailConfirmed)
        {
            // Checked by hand: SignInManager reports "not allowed" before it checks the password, which would tell an
            // unconfirmed account from an unknown email.
            if (await users.IsLockedOutAsync(user))
            {
                return SignInOutcome.Rejected;
            }

            if (!await users.CheckPasswordAsync(user, password))
            {
                await users.AccessFailedAsync(user);
                return SignInOutcome.Rejected;
            }

            return SignInOutcome.EmailNotConfirmed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.Rejected;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    public async Task<Result> ConfirmEmailAsync(Guid userId, string? token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || string.IsNullOrEmpty(token))
        {
            return InvalidLink();
        }

        if (user.EmailConfirmed)
        {
            return Result.Success();
        }

        var decoded = Decode(token);
        if (decoded is null)
        {
            return InvalidLink();
        }

        return await InTransactionAsync(async () =>
        {
            var confirmed = await users.ConfirmEmailAsync(user, decoded);
            if (!confirmed.Succeeded)
            {
                return InvalidLink();
            }

            if (user.Kind == AccountKind.Employer && !user.CompanyAnnounced && (user.CompanyName is not null || user.InvitationId is not null))
            {
                events.Publish(new EmployerRegistered(Guid.CreateVersion7(), clock.GetUtcNow(), user.Id, user.Email!, user.CompanyName, user.InvitationId));
                user.CompanyAnnounced = true;
                await users.UpdateAsync(user);
            }

            return Result.Success();
        });
    }

    public async Task ResendConfirmationAsync(string? email, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await SendConfirmationAsync(user, cancellationToken);
        }
    }

    public async Task RequestPasswordResetAsync(string? email, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return;
        }

        var token = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await mail.SendAsync(AccountEmails.ResetPassword(user.Email!, links.ResetPassword(user.Id, token)), cancellationToken);
    }

    public async Task<Result> ResetPasswordAsync(Guid userId, string? token, string? newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var decoded = token is null ? null : Decode(token);
        if (user is null || decoded is null)
        {
            return InvalidLink();
        }

        var policy = PasswordPolicy.Check(newPassword, user.Email);
        if (policy.Count > 0)
        {
            return Result.Failure(policy);
        }

        var reset = await users.ResetPasswordAsync(user, decoded, newPassword!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == "InvalidToken") ? InvalidLink() : Result.Failure(ToErrors(reset, "Password"));
        }

        // A reset proves control of the mailbox: it confirms the email and lifts a lockout, and ends every session.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
        return Result.Success();
    }

    public async Task<Result> ChangePasswordAsync(Guid userId, string? currentPassword, string? newPassword)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("account", userId);
        }

        var policy = PasswordPolicy.Check(newPassword, user.Email);
        if (policy.Count > 0)
        {
            return Result.Failure([.. policy.Select(e => e with { Field = "NewPassword" })]);
        }

        var changed = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword!);
        if (!changed.Succeeded)
        {
            return changed.Errors.Any(e => e.Code == "PasswordMismatch")
                ? Error.Validation("CurrentPassword", "The current password is not correct.")
                : Result.Failure(ToErrors(changed, "NewPassword"));
        }

        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync();
        signIn.Context.Items[DatabaseTicketStore.KeepCurrentSession] = true;
        await signIn.RefreshSignInAsync(user);
        return Result.Success();
    }

    public async Task<Result> RequestEmailChangeAsync(Guid userId, string? newEmail, string? currentPassword, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("account", userId);
        }

        var errors = new List<Error>();
        var address = NormalizeEmail(newEmail, errors, field: "NewEmail");
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        if (!await users.CheckPasswordAsync(user, currentPassword ?? ""))
        {
            return Error.Validation("CurrentPassword", "The current password is not correct.");
        }

        if (string.Equals(address, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Validation("NewEmail", "This is already your email address.");
        }

        var taken = await users.FindByEmailAsync(address!);
        if (taken is not null)
        {
            // Tell the owner of that address, not the person asking: the answer on screen is the same either way.
            await mail.SendAsync(AccountEmails.AlreadyRegistered(taken.Email!, links.SignIn()), cancellationToken);
            return Result.Success();
        }

        var token = Encode(await users.GenerateChangeEmailTokenAsync(user, address!));
        await mail.SendAsync(AccountEmails.ConfirmEmailChange(address!, links.ConfirmEmailChange(user.Id, address!, token)), cancellationToken);
        return Result.Success();
    }

    public async Task<Result> ConfirmEmailChangeAsync(Guid userId, string? newEmail, string? token)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        var decoded = token is null ? null : Decode(token);
        if (user is null || decoded is null || string.IsNullOrWhiteSpace(newEmail))
        {
            return InvalidLink();
        }

        return await InTransactionAsync(async () =>
        {
            var changed = await users.ChangeEmailAsync(user, newEmail, decoded);
            if (!changed.Succeeded)
            {
                return changed.Errors.Any(e => e.Code == "InvalidToken") ? InvalidLink() : Result.Failure(ToErrors(changed, "Email"));
            }

            var renamed = await users.SetUserNameAsync(user, newEmail);
            return renamed.Succeeded ? Result.Success() : Result.Failure(ToErrors(renamed, "Email"));
        });
    }

    public async Task<Result> DeleteAsync(Guid userId, string? password, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Error.NotFound("account", userId);
        }

        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            return Error.Validation("Password", "The password is not correct.");
        }

        var result = await InTransactionAsync(async () =>
        {
            var subject = user.Id.ToString();
            await foreach (var token in tokens.FindBySubjectAsync(subject, cancellationToken))
            {
                await tokens.DeleteAsync(token, cancellationToken);
            }

            await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
            {
                await authorizations.DeleteAsync(authorization, cancellationToken);
            }

            foreach (var clientId in await db.ApiClients.Where(c => c.OwnerId == user.Id).Select(c => c.ClientId).ToListAsync(cancellationToken))
            {
                if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
                {
                    await applications.DeleteAsync(application, cancellationToken);
                }
            }

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return Result.Failure(ToErrors(deleted, "Account"));
            }

            events.Publish(new UserDeleted(Guid.CreateVersion7(), clock.GetUtcNow(), user.Id));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        });

        if (result.IsSuccess)
        {
            await signIn.SignOutAsync();
        }

        return result;
    }

    public async Task<AccountSummary?> FindActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return new AccountSummary(user.Id, user.Email!, user.EmailConfirmed, [.. roles], user.CreatedAt);
    }

    private async Task SendConfirmationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var token = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        await mail.SendAsync(AccountEmails.ConfirmEmail(user.Email!, links.ConfirmEmail(user.Id, token)), cancellationToken);
    }

    /// <summary>
    /// One transaction with the events published in it written to the identity outbox, and the relay started after
    /// commit: what the building blocks' unit-of-work behaviour does for Mediator commands.
    /// </summary>
    private async Task<Result> InTransactionAsync(Func<Task<Result>> work)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var relayed = 0;
        var result = await strategy.ExecuteAsync(async () =>
        {
            outbox.Discard();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await work();
            if (outcome.IsFailure)
            {
                await transaction.RollbackAsync();
                return outcome;
            }

            relayed = outbox.FlushInto(db);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return outcome;
        });

        if (relayed > 0)
        {
            relayTrigger.RelayAfterCommit(IdentityModule.Name);
        }

        return result;
    }

    private static string? NormalizeEmail(string? value, List<Error> errors, string field = "Email")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(Error.Validation(field, "Enter your email address."));
            return null;
        }

        if (trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(Error.Validation(field, "Enter a valid email address, like name@example.com."));
            return null;
        }

        return trimmed;
    }

    private static Error InvalidLink() =>
        new("account.invalid_link", "This link is invalid or has expired. Ask for a new one.", ErrorKind.Validation);

    private static List<Error> ToErrors(IdentityResult result, string field) =>
        [.. result.Errors.Select(e => Error.Validation(field, e.Description))];

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
