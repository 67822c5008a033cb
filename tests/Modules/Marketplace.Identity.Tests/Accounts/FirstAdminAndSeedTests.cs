using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Infrastructure;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Accounts;

public sealed class ConfiguredAdminAppFactory : IdentityAppFactory
{
    public const string AdminEmail = "first.admin@example.com";
    public const string AdminPassword = "the first admin's long passphrase";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MARKETPLACE_ADMIN_EMAIL"] = AdminEmail,
        ["MARKETPLACE_ADMIN_PASSWORD"] = AdminPassword,
    };
}

/// <summary>
/// The first admin is the owner of MARKETPLACE_ADMIN_EMAIL's mailbox: nobody gets the role by registering the address
/// first, and a password in configuration creates nothing until the operator runs `create-admin`.
/// </summary>
public sealed class FirstAdminTests(ConfiguredAdminAppFactory app) : IClassFixture<ConfiguredAdminAppFactory>
{
    private const string Email = ConfiguredAdminAppFactory.AdminEmail;

    [Fact]
    public async Task Whoever_registers_the_admin_address_first_gets_no_admin_account_and_its_owner_takes_it_by_a_reset()
    {
        (await FindAsync(Email)).ShouldBeNull("start-up creates no account from configuration");

        // Someone registers the address first, with a password of their choosing, and cannot confirm it.
        const string squattersPassword = "the squatter's own passphrase";
        using var squatter = app.CreateSession();
        using (await squatter.SubmitAsync("/Account/SignUp", new Dictionary<string, string>
               {
                   ["Input.Kind"] = "JobSeeker", ["Input.Email"] = Email, ["Input.Password"] = squattersPassword,
               }))
        {
        }

        await RunStartUpSeedingAsync();
        (await RolesOfAsync(Email)).ShouldNotContain(Roles.Admin);

        // The mailbox's owner opens the confirmation link they did not ask for: the button alone does not confirm the admin address.
        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(Email), "/Account/ConfirmEmail");
        using var owner = app.CreateSession();
        (await owner.GetPageAsync(link)).QuerySelector("input[name=Password]").ShouldNotBeNull();
        using (var bare = await owner.SubmitAsync(link, new Dictionary<string, string>()))
        {
            (await WebSession.TextAsync(bare)).ShouldContain("Enter the password you chose when you signed up");
        }

        using (var guessed = await owner.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "the owner's guess at it" }))
        {
            (await WebSession.TextAsync(guessed)).ShouldContain("This is not the password of this account");
        }

        (await FindAsync(Email))!.EmailConfirmed.ShouldBeFalse();
        (await RolesOfAsync(Email)).ShouldNotContain(Roles.Admin);

        // A reset proves the mailbox and sets the owner's own password: now the account is the owner's, and the admin.
        using (await owner.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = Email }))
        {
        }

        var reset = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(Email, m => m.Subject!.Contains("Reset", StringComparison.Ordinal)), "/Account/ResetPassword");
        using (await owner.SubmitAsync(reset, new Dictionary<string, string> { ["Input.Password"] = ConfiguredAdminAppFactory.AdminPassword }))
        {
        }

        (await RolesOfAsync(Email)).ShouldContain(Roles.Admin);
        using (var refused = await squatter.SignInAsync(Email, squattersPassword))
        {
            (await WebSession.TextAsync(refused)).ShouldContain("The email or password is not correct", customMessage: "the squatter's password no longer signs in");
        }

        await owner.SignInOrThrowAsync(Email, ConfiguredAdminAppFactory.AdminPassword);
        using var dashboard = await owner.Http.GetAsync("/hangfire");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_operator_who_signs_up_with_the_admin_address_confirms_it_with_their_password_and_is_the_admin()
    {
        const string operatorEmail = "operator@example.com";
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("MARKETPLACE_ADMIN_EMAIL", operatorEmail));
        using var browser = new WebSession(host.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true }));
        using (await browser.SubmitAsync("/Account/SignUp", new Dictionary<string, string>
               {
                   ["Input.Kind"] = "JobSeeker", ["Input.Email"] = operatorEmail, ["Input.Password"] = ConfiguredAdminAppFactory.AdminPassword,
               }))
        {
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(operatorEmail), "/Account/ConfirmEmail");
        using (var confirmed = await browser.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = ConfiguredAdminAppFactory.AdminPassword }))
        {
            (await WebSession.TextAsync(confirmed)).ShouldContain("email-confirmed");
        }

        (await RolesOfAsync(operatorEmail)).ShouldContain(Roles.Admin);
    }

    [Fact]
    public async Task Create_admin_takes_over_the_address_with_the_configured_password_and_prints_no_password()
    {
        const string taken = "taken.admin@example.com";
        await app.CreateUserAsync(taken, Roles.JobSeeker, password: "a squatter's passphrase 99", confirmed: false);
        using var squatter = app.CreateSession();

        var output = new StringWriter();
        await using (var withThatAddress = app.WithWebHostBuilder(b => b.UseSetting("MARKETPLACE_ADMIN_EMAIL", taken)))
        {
            await using var scope = withThatAddress.Services.CreateAsyncScope();
            (await IdentityModule.CreateAdminAsync(scope.ServiceProvider, output, CancellationToken.None)).ShouldBeTrue(output.ToString());
        }

        output.ToString().ShouldContain($"{taken} is an admin");
        output.ToString().ShouldNotContain(ConfiguredAdminAppFactory.AdminPassword);
        (await RolesOfAsync(taken)).ShouldContain(Roles.Admin);
        (await FindAsync(taken))!.EmailConfirmed.ShouldBeTrue();

        using (var old = await squatter.SignInAsync(taken, "a squatter's passphrase 99"))
        {
            (await WebSession.TextAsync(old)).ShouldContain("The email or password is not correct", customMessage: "the earlier password no longer signs in");
        }

        using var admin = app.CreateSession();
        await admin.SignInOrThrowAsync(taken, ConfiguredAdminAppFactory.AdminPassword);
        using var dashboard = await admin.Http.GetAsync("/hangfire");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_names_the_setting()
    {
        var output = new StringWriter();
        await using var weak = app.WithWebHostBuilder(b => b.UseSetting("MARKETPLACE_ADMIN_PASSWORD", "password1234"));
        await using var scope = weak.Services.CreateAsyncScope();
        (await IdentityModule.CreateAdminAsync(scope.ServiceProvider, output, CancellationToken.None)).ShouldBeFalse();
        output.ToString().ShouldContain("MARKETPLACE_ADMIN_PASSWORD: This password is too common");
        output.ToString().ShouldNotContain("password1234");
    }

    private async Task RunStartUpSeedingAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await IdentityModule.SeedAsync(scope.ServiceProvider, demoAccounts: false, TextWriter.Null, CancellationToken.None);
    }

    private Task<ApplicationUser?> FindAsync(string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }
}

/// <summary>The `seed` command (build/run.sh runs it) makes demo accounts in Development only, and says so elsewhere.</summary>
public sealed class SeedOutsideDevelopmentTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Seed_outside_development_creates_no_demo_account_says_so_and_prints_no_password()
    {
        var output = new StringWriter();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await IdentityModule.SeedAsync(scope.ServiceProvider, demoAccounts: true, output, CancellationToken.None);
        }

        output.ToString().ShouldContain("No demo accounts created: they exist in Development only, and this host runs as Production.");
        output.ToString().ShouldNotContain("password", Case.Insensitive);
        (await app.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(0);
    }
}

[Collection(SharedIdentityApp.Name)]
public sealed class SeedInDevelopmentTests(IdentityAppFactory app)
{
    [Fact]
    public async Task Seed_in_development_creates_the_demo_accounts_and_prints_them()
    {
        var output = new StringWriter();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await IdentityModule.SeedAsync(scope.ServiceProvider, demoAccounts: true, output, CancellationToken.None);
        }

        output.ToString().ShouldContain("demo account: Admin");
        using var admin = app.CreateSession();
        await admin.SignInOrThrowAsync("admin@example.com", "Marketplace-demo-2026");
    }
}
