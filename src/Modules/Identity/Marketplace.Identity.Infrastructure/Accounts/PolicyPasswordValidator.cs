using Marketplace.Identity.Domain.Passwords;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>Applies <see cref="PasswordPolicy"/> wherever ASP.NET Core Identity sets a password.</summary>
internal sealed class PolicyPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var errors = PasswordPolicy.Check(password, user.Email);
        return Task.FromResult(errors.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. errors.Select(e => new IdentityError { Code = e.Code, Description = e.Message })]));
    }
}
