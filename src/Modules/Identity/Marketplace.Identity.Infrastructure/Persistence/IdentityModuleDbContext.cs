using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Marketplace.Identity.Infrastructure.Persistence;

/// <summary>The identity module's tables: ASP.NET Core Identity, OpenIddict, sessions, API clients and data-protection keys.</summary>
public sealed class IdentityModuleDbContext(DbContextOptions<IdentityModuleDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<ApiClientRecord> ApiClients => Set<ApiClientRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.UseOpenIddict();

        builder.Entity<ApplicationUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
            b.Property(u => u.CompanyName).HasMaxLength(200);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens");

        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        builder.Entity<UserSession>(b =>
        {
            b.ToTable("user_sessions");
            b.HasKey(s => s.Id);
            b.HasIndex(s => s.UserId);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiClientRecord>(b =>
        {
            b.ToTable("api_clients");
            b.HasKey(c => c.ClientId);
            b.Property(c => c.ClientId).HasMaxLength(100);
            b.Property(c => c.DisplayName).HasMaxLength(100);
            b.HasIndex(c => c.OwnerId);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
