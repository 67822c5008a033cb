using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Domain.Passwords;
using Marketplace.Identity.Infrastructure.Persistence;
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
/// At start-up, after the host has applied the migrations: creates the roles, the first admin from MARKETPLACE_ADMIN_EMAIL and
/// MARKETPLACE_ADMIN_PASSWORD, the first-party public client, and (when asked) the demo accounts. Idempotent.
/// </summary>
internal sealed partial class IdentitySeeder(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<IdentityModuleOptions> options,
    TimeProvider clock,
    ILogger<IdentitySeeder> logger) : IHostedService
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
        await SeedAsync(scope.ServiceProvider, options.Value.SeedDemoAccounts, cancellationToken);
    }

    /// <summary>
    /// The `seed` command's entry point too (build/run.sh): roles, the configured admin, the app client and, when asked,
    /// the demo accounts, which it prints. The schema must exist (the host migrates first).
    /// </summary>
    public static async Task SeedAsync(IServiceProvider services, bool demoAccounts, CancellationToken cancellationToken)
    {
        var seeder = ActivatorUtilities.CreateInstance<IdentitySeeder>(services);
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in new[] { Roles.JobSeeker, Roles.Employer, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        await seeder.SeedAdminAsync(users);
        await seeder.SeedPublicClientAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), services.GetRequiredService<IApiScopes>(), cancellationToken);
        if (demoAccounts)
        {
            await seeder.SeedDemoAccountsAsync(users);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAdminAsync(UserManager<ApplicationUser> users)
    {
        var email = configuration["MARKETPLACE_ADMIN_EMAIL"];
        var password = configuration["MARKETPLACE_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!await users.IsInRoleAsync(existing, Roles.Admin))
            {
                await users.AddToRoleAsync(existing, Roles.Admin);
            }

            return;
        }

        var problems = PasswordPolicy.Check(password, email);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"MARKETPLACE_ADMIN_PASSWORD is needed to create the admin {email}: {string.Join(" ", problems.Select(p => p.Message))}");
        }

        await CreateAsync(users, email, password!, Roles.Admin, AccountKind.JobSeeker, null);
        LogAdminCreated(logger, email);
    }

    private async Task SeedDemoAccountsAsync(UserManager<ApplicationUser> users)
    {
        foreach (var (email, role, kind, company) in DemoAccounts)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await CreateAsync(users, email, DemoPassword, role, kind, company);
            }

            Console.WriteLine($"demo account: {role,-9} {email,-24} password: {DemoPassword}");
        }
    }

    private async Task CreateAsync(UserManager<ApplicationUser> users, string email, string password, string role, AccountKind kind, string? company)
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
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }

    private async Task SeedPublicClientAsync(IOpenIddictApplicationManager applications, IApiScopes apiScopes, CancellationToken cancellationToken)
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

        foreach (var uri in options.Value.PublicClientRedirectUris ?? [])
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin account {Email} from configuration")]
    private static partial void LogAdminCreated(ILogger logger, string email);
}
