using Marketplace.Identity.Application.Accounts;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>MARKETPLACE_ADMIN_EMAIL, the operator's first admin.</summary>
internal sealed class ConfiguredFirstAdmin(IConfiguration configuration) : IFirstAdmin
{
    public const string EmailKey = "MARKETPLACE_ADMIN_EMAIL";
    public const string PasswordKey = "MARKETPLACE_ADMIN_PASSWORD";

    public bool Is(string email) =>
        configuration[EmailKey] is { Length: > 0 } configured && string.Equals(configured.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);
}
