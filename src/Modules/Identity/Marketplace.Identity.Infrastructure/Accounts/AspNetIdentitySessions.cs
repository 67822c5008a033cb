using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>Cookie sign-in and sign-out through SignInManager, with the password and lockout checked by hand (see <see cref="SignInAsync"/>).</summary>
internal sealed class AspNetIdentitySessions(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : IAccountSessions
{
    // Verified against when the email is unknown, so that answer costs one password verification like every other.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Not SignInManager.PasswordSignInAsync: it answers a locked or unconfirmed account before verifying the password,
    /// which makes those answers faster than the others and so tells them apart. Here every path verifies one password.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, bool remember, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            users.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DecoyHash.Value, password ?? "");
            return SignInOutcome.Rejected;
        }

        var correct = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.Rejected;
        }

        if (!correct)
        {
            await users.AccessFailedAsync(user);
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
