using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Hosting;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Application.Accounts.EmailConfirmation;
using Marketplace.Identity.Application.ApiClients;
using Marketplace.Identity.Application.PersonalData;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Domain.Passwords;
using Marketplace.Identity.Infrastructure.Accounts;
using Marketplace.Identity.Infrastructure.Hardening;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Infrastructure.Protocol;
using Marketplace.Identity.Infrastructure.Seeding;
using Marketplace.Identity.Infrastructure.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure;

public static class IdentityModule
{
    public const string Name = "identity";

    /// <summary>Its rows (roles, the app client, data-protection keys) are seeded at start-up, so tests do not empty its schema.</summary>
    public static ModuleDescriptor Descriptor { get; } = new()
    {
        Title = "Identity",
        Schema = IdentityModuleDbContext.SchemaName,
        DbContext = typeof(IdentityModuleDbContext),
        ResetBetweenTests = false,
        Services = builder => builder.AddIdentityModule(),
    };

    public const string CookieName = "marketplace";
    public const string AntiforgeryCookieName = "marketplace-antiforgery";
    public const string TempDataCookieName = "marketplace-tempdata";

    /// <summary>Accounts, cookies, OpenIddict server and validation, email, rate limits and the identity schema.</summary>
    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        var dataDirectory = DataDirectory(builder.Configuration, environment);
        var identityOptions = builder.Configuration.GetSection(IdentityModuleOptions.Section).Get<IdentityModuleOptions>() ?? new IdentityModuleOptions();
        var publicOrigin = PublicOrigin.Resolve(builder.Configuration, IsLocal(environment), identityOptions.RequireHttps ?? !IsLocal(environment));
        services.AddSingleton(publicOrigin);
        services.AddTransient<IStartupFilter, PublicHost>();
        if (!IsLocal(environment))
        {
            AnswerOnlyThePublicHost(services, builder.Configuration, publicOrigin);
        }

        // Hosted services start in order and before the web server: this runs after the host's migrations and before the
        // data-protection key ring (registered by AddIdentity below) is loaded from the identity schema.
        services.AddHostedService<IdentitySeeder>();

        services.AddOptions<IdentityModuleOptions>()
            .BindConfiguration(IdentityModuleOptions.Section)
            .ValidateDataAnnotations()
            .PostConfigure(o =>
            {
                o.RequireHttps ??= !IsLocal(environment);
                o.PublicClientRedirectUris = o.PublicClientRedirectUris is { Length: > 0 } uris
                    ? uris
                    : ["http://127.0.0.1:5173/callback", "http://localhost:5173/callback"];
            })
            .Validate(o => o.PublicClientRedirectUris!.All(u => Uri.TryCreate(u, UriKind.Absolute, out _)), "Identity:PublicClientRedirectUris must be absolute URIs.")
            .Validate(o => o.AbsoluteSessionLifetime >= o.SessionLifetime, "Identity:AbsoluteSessionLifetime must be at least Identity:SessionLifetime.")
            .ValidateOnStart();

        services.AddHttpContextAccessor();

        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<IdentityModuleDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PolicyPasswordValidator>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<DatabaseTicketStore>();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore, IOptions<IdentityModuleOptions>>((options, store, identity) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = identity.Value.SessionLifetime;
                options.Cookie.Name = identity.Value.CookiePrefix + CookieName;
                options.Cookie.SecurePolicy = SecurePolicy(identity.Value);
            });
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<IdentityModuleOptions>>((options, identity) =>
        {
            options.Cookie.Name = identity.Value.CookiePrefix + AntiforgeryCookieName;
            options.Cookie.SecurePolicy = SecurePolicy(identity.Value);
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IOptions<IdentityModuleOptions>>((options, identity) =>
        {
            options.Cookie.Name = identity.Value.CookiePrefix + TempDataCookieName;
            options.Cookie.SecurePolicy = SecurePolicy(identity.Value);
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.HttpOnly = true;
        });
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Marketplace")
            .PersistKeysToDbContext<IdentityModuleDbContext>();
        KeyRingProtection.Configure(dataProtection, identityOptions, environment);

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<IdentityModuleDbContext>())
            .AddServer(options =>
            {
                // Fixed, so neither discovery nor the tokens' "iss" ever come from a request's Host header.
                options.SetIssuer(publicOrigin.Uri);
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
                options.SetAccessTokenLifetime(TimeSpan.FromMinutes(15))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(14))
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                SigningKeys.Configure(options, identityOptions, environment, dataDirectory);
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                // Each access token is checked against its stored entry and grant: a deleted client, a revoked grant or a
                // reset password stops its tokens at once, not when they expire.
                options.EnableTokenEntryValidation();
                options.EnableAuthorizationEntryValidation();
                options.UseAspNetCore();
            });

        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<IdentityModuleOptions>>((options, identity) =>
            options.DisableTransportSecurityRequirement = identity.Value.RequireHttps != true);

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthorizationPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(AuthorizationPolicies.Employer, p => p.RequireAuthenticatedUser().RequireRole(Roles.Employer))
            .AddPolicy(AuthorizationPolicies.JobSeeker, p => p.RequireAuthenticatedUser().RequireRole(Roles.JobSeeker))
            .AddPolicy(AuthorizationPolicies.Api, p => p
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(AuthorizationPolicies.ApiAdmin, p => p
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin));
        // The API scopes the modules declare in their descriptors: each is registered with the server and becomes a policy.
        services.AddOptions<OpenIddictServerOptions>().Configure<IApiScopes>((options, scopes) => options.Scopes.UnionWith(scopes.All.Select(s => s.Name)));
        services.AddOptions<AuthorizationOptions>().Configure<IApiScopes>((options, scopes) =>
        {
            foreach (var scope in scopes.All)
            {
                options.AddPolicy(scope.Policy, p =>
                {
                    p.AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                        .RequireAuthenticatedUser()
                        .RequireAssertion(context => context.User.HasScope(scope.Name));
                    if (scope.RequiredRole is { } role)
                    {
                        p.RequireRole(role);
                    }
                });
            }
        });

        services.AddIdentityRateLimits();
        services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Account/Manage"));

        services.AddScoped<IAccountSessions, AspNetIdentitySessions>();
        services.AddScoped<IAccountStore, AspNetIdentityAccountStore>();
        services.AddScoped<IAccessRevocation, SessionAndGrantRevocation>();
        services.AddSingleton<IFirstAdmin, ConfiguredFirstAdmin>();
        services.AddScoped<ConfirmedAddress>();
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<IAccountLinks>(sp => sp.GetRequiredService<AccountLinks>());
        services.AddSingleton<IAccountPageLinks>(sp => sp.GetRequiredService<AccountLinks>());
        services.AddSingleton<IPublicLinks>(sp => sp.GetRequiredService<AccountLinks>());
        services.AddScoped<IApiClients, OpenIddictApiClients>();
        services.AddScoped<OpenIddictApiClients>();
        // Replaces the host's claims-only default: this one also knows the owner of a client-credentials token.
        services.Replace(ServiceDescriptor.Scoped<ICurrentUser, HttpCurrentUser>());
        services.AddScoped<IPersonalDataSource, IdentityPersonalData>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<PersonalDataExport>();
        return builder;
    }

    /// <summary>
    /// Roles, the configured first admin's role (once confirmed), the app client and, in Development only, the demo accounts;
    /// idempotent. Reports what it did to <paramref name="output"/>, never a password outside Development.
    /// </summary>
    public static Task SeedAsync(IServiceProvider services, bool demoAccounts, TextWriter output, CancellationToken cancellationToken) =>
        IdentitySeeder.SeedAsync(services, demoAccounts, output, cancellationToken);

    /// <summary>
    /// The operator's `create-admin` command: MARKETPLACE_ADMIN_EMAIL becomes an admin with MARKETPLACE_ADMIN_PASSWORD and a
    /// confirmed address (an existing account with that address is taken over). False, with the reason written, when refused.
    /// </summary>
    public static Task<bool> CreateAdminAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken) =>
        IdentitySeeder.CreateAdminAsync(services, output, cancellationToken);

    /// <summary>Development and the test host ("Testing"): plain http, generated keys and a mail pickup folder are fine.</summary>
    public static bool IsLocal(IHostEnvironment environment) => HostFolders.IsLocal(environment);

    /// <summary>AllowedHosts: the public origin's host, plus any host the operator lists there besides "*".</summary>
    private static void AnswerOnlyThePublicHost(IServiceCollection services, IConfiguration configuration, PublicOrigin origin) =>
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            var listed = (configuration["AllowedHosts"] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(host => host != "*");
            options.AllowedHosts = [.. new[] { origin.Host }.Concat(listed).Distinct(StringComparer.OrdinalIgnoreCase)];
        });

    private static CookieSecurePolicy SecurePolicy(IdentityModuleOptions options) =>
        options.RequireHttps == true ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>The git-ignored data folder: MARKETPLACE_DATA_DIR, else .data at the repository root.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        HostFolders.DataDirectory(configuration, environment);
}
