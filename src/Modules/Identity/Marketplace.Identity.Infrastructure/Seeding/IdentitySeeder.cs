using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.Administration;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure.Seeding;

/// <summary>
/// At start-up, after the host has applied the migrations: creates the roles, gives the first admin (MARKETPLACE_ADMIN_EMAIL)
/// the Admin role if that address is confirmed, creates the first-party public client, and (when asked, in Development
/// only) the demo accounts. Idempotent. It never creates the first admin with a password: that is the operator's explicit
/// `create-admin` command, or the address's owner signing up and confirming it.
/// </summary>
internal sealed partial class IdentitySeeder(IServiceScopeFactory scopes, IOptions<IdentityModuleOptions> options, ILogger<IdentitySeeder> logger)
    : IHostedService
{
    public const string PublicClientId = "marketplace-spa";
    public const string DemoPassword = "Marketplace-demo-2026";

    public static IReadOnlyList<(string Email, string Role, AccountKind Kind, string? Company)> DemoAccounts { get; } =
    [
        ("jobseeker@example.com", Roles.JobSeeker, AccountKind.JobSeeker, null),
        ("jobseeker2@example.com", Roles.JobSeeker, AccountKind.JobSeeker, null),
        ("employer@example.com", Roles.Employer, AccountKind.Employer, "Demo Software Ltd"),
        ("employer2@example.com", Roles.Employer, AccountKind.Employer, "Other Demo GmbH"),
        ("admin@example.com", Roles.Admin, AccountKind.JobSeeker, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider, options.Value.SeedDemoAccounts, line => LogSeeding(logger, line), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The `seed` command's entry point too (build/run.sh). The schema must exist (the host migrates first).</summary>
    public static Task SeedAsync(IServiceProvider services, bool demoAccounts, TextWriter output, CancellationToken cancellationToken) =>
        SeedAsync(services, demoAccounts, output.WriteLine, cancellationToken);

    public static async Task<bool> CreateAdminAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var email = configuration[ConfiguredFirstAdmin.EmailKey];
        if (string.IsNullOrWhiteSpace(email))
        {
            output.WriteLine($"create-admin: set {ConfiguredFirstAdmin.EmailKey} (and {ConfiguredFirstAdmin.PasswordKey}) first.");
            return false;
        }

        await EnsureRolesAsync(services);
        var result = await services.GetRequiredService<ISender>()
            .Send(new ProvisionAdmin(email, configuration[ConfiguredFirstAdmin.PasswordKey]), cancellationToken);
        if (result.IsFailure)
        {
            foreach (var error in result.Errors)
            {
                var setting = error.Field == nameof(ProvisionAdmin.Password) ? ConfiguredFirstAdmin.PasswordKey : ConfiguredFirstAdmin.EmailKey;
                output.WriteLine($"create-admin: {setting}: {error.Message}");
            }

            return false;
        }

        output.WriteLine($"create-admin: {email.Trim()} is an admin with a confirmed address; it signs in with the password from {ConfiguredFirstAdmin.PasswordKey}.");
        return true;
    }

    private static async Task SeedAsync(IServiceProvider services, bool demoAccounts, Action<string> report, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        await GrantFirstAdminAsync(users, services.GetRequiredService<IConfiguration>(), report);
        await SeedPublicClientAsync(
            services.GetRequiredService<IOpenIddictApplicationManager>(), services.GetRequiredService<IApiScopes>(),
            services.GetRequiredService<IOptions<IdentityModuleOptions>>().Value, cancellationToken);
        if (!demoAccounts)
        {
            return;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        if (environment.IsDevelopment())
        {
            await SeedDemoAccountsAsync(users, services.GetRequiredService<TimeProvider>(), report);
        }
        else
        {
            report($"No demo accounts created: they exist in Development only, and this host runs as {environment.EnvironmentName}.");
        }
    }

    private static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in new[] { Roles.JobSeeker, Roles.Employer, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }
    }

    /// <summary>An account registered first by someone else is never made admin: only a confirmed address proves the mailbox.</summary>
    private static async Task GrantFirstAdminAsync(UserManager<ApplicationUser> users, IConfiguration configuration, Action<string> report)
    {
        var email = configuration[ConfiguredFirstAdmin.EmailKey]?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            report($"The first admin {email} has no account yet: it becomes an admin once someone signs up with that address and confirms it, " +
                $"or run `create-admin` to create it now with {ConfiguredFirstAdmin.PasswordKey}.");
            return;
        }

        if (!user.EmailConfirmed)
        {
            report($"The first admin {email} has not confirmed that address yet: it becomes an admin once it does.");
            return;
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            await users.AddToRoleAsync(user, Roles.Admin);
            report($"The first admin {email} has the Admin role now.");
        }
    }

    private static async Task SeedDemoAccountsAsync(UserManager<ApplicationUser> users, TimeProvider clock, Action<string> report)
    {
        foreach (var (email, role, kind, company) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new ApplicationUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    Kind = kind,
                    CompanyName = company,
                    CreatedAt = clock.GetUtcNow(),
                };
                var created = await users.CreateAsync(user, DemoPassword);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, role);
            }

            report($"demo account: {role,-9} {email,-24} password: {DemoPassword}");
        }
    }

    private static async Task SeedPublicClientAsync(
        IOpenIddictApplicationManager applications, IApiScopes apiScopes, IdentityModuleOptions options, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PublicClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "Marketplace app",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in apiScopes.All.Select(s => s.Name))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        foreach (var uri in options.PublicClientRedirectUris ?? [])
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        var existing = await applications.FindByClientIdAsync(PublicClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity seeding: {Line}")]
    private static partial void LogSeeding(ILogger logger, string line);
}
