using System.Text;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>
/// The account commands' store on ASP.NET Core Identity. Its UserManager saves through the module's DbContext, so every
/// change lands in the unit of work's transaction. Identity failures that the commands rule out beforehand (a password the
/// policy passed, an update of a user that exists) throw: they are bugs, not answers; a lost race is a concurrency conflict.
/// </summary>
internal sealed class AspNetIdentityAccountStore(
    UserManager<ApplicationUser> users,
    IdentityModuleDbContext db,
    IServiceScopeFactory scopes,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    TimeProvider clock) : IAccountStore
{
    public async Task<Account?> FindAsync(Guid id) => ToAccount(await users.FindByIdAsync(id.ToString()));

    public async Task<Account?> FindByEmailAsync(string email) => ToAccount(await users.FindByEmailAsync(email));

    public async Task<Result<Account>> CreateAsync(NewAccount account, string password)
    {
        var user = new ApplicationUser
        {
            Id = Guid.CreateVersion7(),
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = account.EmailConfirmed,
            Kind = account.Kind,
            CompanyName = account.CompanyName,
            InvitationId = account.InvitationId,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // Another sign-up took the address a moment ago, or the password broke a rule the policy did not see.
            return Result<Account>.Failure([.. created.Errors.Select(e => Error.Validation(
                e.Code.StartsWith("Duplicate", StringComparison.Ordinal) || e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : "Password",
                e.Description))]);
        }

        Succeed(await users.AddToRoleAsync(user, account.Role));
        return ToAccount(user)!;
    }

    public async Task RehearseCreateAsync(NewAccount account, string password)
    {
        const string savepoint = "rehearsal";
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A rehearsal is undone inside the command's transaction; run it in a command.");
        await transaction.CreateSavepointAsync(savepoint);
        var created = await CreateAsync(account with { Email = $"{Guid.NewGuid():N}@rehearsal.invalid" }, password);
        if (created.IsSuccess)
        {
            await CreateEmailConfirmationTokenAsync(created.Value.Id);
        }

        await transaction.RollbackToSavepointAsync(savepoint);
        if (created.IsSuccess)
        {
            var standIn = created.Value.Id;
            foreach (var entry in db.ChangeTracker.Entries()
                         .Where(e => e.Entity is ApplicationUser u && u.Id == standIn || e.Entity is IdentityUserRole<Guid> r && r.UserId == standIn)
                         .ToList())
            {
                entry.State = EntityState.Detached;
            }
        }
    }

    public async Task<PasswordCheck> CheckPasswordAsync(Guid id, string password)
    {
        var user = await RequireAsync(id);
        var correct = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            return PasswordCheck.LockedOut;
        }

        if (correct)
        {
            if (user.AccessFailedCount > 0)
            {
                Succeed(await users.ResetAccessFailedCountAsync(user));
            }

            return PasswordCheck.Correct;
        }

        await CountFailureApartAsync(id);
        return PasswordCheck.Wrong;
    }

    public async Task SetPasswordAsync(Guid id, string newPassword)
    {
        var user = await RequireAsync(id);
        Succeed(await users.RemovePasswordAsync(user));
        Succeed(await users.AddPasswordAsync(user, newPassword));
    }

    public async Task<string> CreateEmailConfirmationTokenAsync(Guid id) =>
        Encode(await users.GenerateEmailConfirmationTokenAsync(await RequireAsync(id)));

    public async Task<bool> ConfirmEmailAsync(Guid id, string token) =>
        Decode(token) is { } decoded && TokenAccepted(await users.ConfirmEmailAsync(await RequireAsync(id), decoded));

    public async Task<string> CreatePasswordResetTokenAsync(Guid id) =>
        Encode(await users.GeneratePasswordResetTokenAsync(await RequireAsync(id)));

    public async Task<bool> ResetPasswordAsync(Guid id, string token, string newPassword)
    {
        var user = await RequireAsync(id);
        if (Decode(token) is not { } decoded || !TokenAccepted(await users.ResetPasswordAsync(user, decoded, newPassword)))
        {
            return false;
        }

        await ConfirmAndUnlockAsync(user);
        return true;
    }

    public async Task<string> CreateEmailChangeTokenAsync(Guid id, string newEmail) =>
        Encode(await users.GenerateChangeEmailTokenAsync(await RequireAsync(id), newEmail));

    public async Task<Result> ChangeEmailAsync(Guid id, string newEmail, string token)
    {
        var user = await RequireAsync(id);
        if (Decode(token) is not { } decoded)
        {
            return AccountRules.InvalidLink;
        }

        var changed = await users.ChangeEmailAsync(user, newEmail, decoded);
        if (changed.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal)))
        {
            return Error.Validation("Email", "Another account uses this address now.");
        }

        if (!TokenAccepted(changed))
        {
            return AccountRules.InvalidLink;
        }

        var renamed = await users.SetUserNameAsync(user, newEmail);
        return renamed.Errors.Any(e => e.Code.StartsWith("Duplicate", StringComparison.Ordinal))
            ? Error.Validation("Email", "Another account uses this address now.")
            : Succeed(renamed);
    }

    public async Task TakeOverAsync(Guid id, string newPassword)
    {
        var user = await RequireAsync(id);
        Succeed(await users.RemovePasswordAsync(user));
        Succeed(await users.AddPasswordAsync(user, newPassword));
        await ConfirmAndUnlockAsync(user);
    }

    public async Task MarkCompanyAnnouncedAsync(Guid id)
    {
        var user = await RequireAsync(id);
        user.CompanyAnnounced = true;
        Succeed(await users.UpdateAsync(user));
    }

    public async Task AddToRoleAsync(Guid id, string role)
    {
        var user = await RequireAsync(id);
        if (!await users.IsInRoleAsync(user, role))
        {
            Succeed(await users.AddToRoleAsync(user, role));
        }
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await RequireAsync(id);
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

        Succeed(await users.DeleteAsync(user));
    }

    /// <summary>In a scope of its own, so the count is committed even though the command that checked the password fails and rolls back.</summary>
    private async Task CountFailureApartAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await own.FindByIdAsync(id.ToString()) is { } user)
        {
            Succeed(await own.AccessFailedAsync(user));
        }
    }

    private async Task ConfirmAndUnlockAsync(ApplicationUser user)
    {
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Succeed(await users.UpdateAsync(user));
    }

    private async Task<ApplicationUser> RequireAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"Account {id} does not exist.");

    private static Account? ToAccount(ApplicationUser? user) => user is null
        ? null
        : new Account(user.Id, user.Email!, user.EmailConfirmed, user.Kind, user.CompanyName, user.InvitationId, user.CompanyAnnounced);

    /// <summary>False for a token Identity refused; any other refusal is unexpected and throws.</summary>
    private static bool TokenAccepted(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return true;
        }

        if (!result.Errors.All(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            Succeed(result);
        }

        return false;
    }

    private static Result Succeed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return Result.Success();
        }

        // UserManager turns a lost optimistic-concurrency race into an error; the unit of work answers it as a conflict.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new DbUpdateConcurrencyException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        throw new InvalidOperationException("ASP.NET Core Identity refused: " + string.Join(" ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }

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
