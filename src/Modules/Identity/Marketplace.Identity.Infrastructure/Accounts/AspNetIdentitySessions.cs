using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>Cookie sign-in and sign-out through SignInManager, with the password and lockout checked by hand (see <see cref="SignInAsync"/>).</summary>
internal sealed class AspNetIdentitySessions(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IdentityModuleDbContext db)
    : IAccountSessions
{
    // Verified against when the email is unknown, so that answer costs one password verification like every other.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Not SignInManager.PasswordSignInAsync: it answers a locked or unconfirmed account before verifying the password,
    /// which makes those answers faster than the others and so tells them apart. Here every rejection costs the same: one
    /// lookup, one password verification and one <see cref="RecordRejectionAsync"/>.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, bool remember, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DecoyHash.Value, password ?? "");
            await RecordRejectionAsync(counted: null);
            return SignInOutcome.Rejected;
        }

        var correct = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            // Not counted: attempts during a lockout must not extend it.
            await RecordRejectionAsync(counted: null);
            return SignInOutcome.Rejected;
        }

        if (!correct)
        {
            await RecordRejectionAsync(counted: user);
            return SignInOutcome.Rejected;
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        if (!user.EmailConfirmed)
        {
            return SignInOutcome.EmailNotConfirmed;
        }

        await signIn.SignInAsync(user, remember);
        return SignInOutcome.SignedIn;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    /// <summary>
    /// Counts a wrong password toward the lockout, or (unknown address, locked account) runs the same UPDATE matching no
    /// row: either way one UPDATE and one COMMIT. The commit does not wait for the WAL flush, which only the counted one
    /// would need; a count lost in a crash costs one extra guess.
    /// </summary>
    private async Task RecordRejectionAsync(ApplicationUser? counted)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off");
            if (counted is null)
            {
                await db.Users.Where(u => u.Id == Guid.Empty).ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount));
            }
            else
            {
                await users.AccessFailedAsync(counted);
            }

            await transaction.CommitAsync();
        });
    }

    public async Task RefreshAsync(Guid userId)
    {
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
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
}
