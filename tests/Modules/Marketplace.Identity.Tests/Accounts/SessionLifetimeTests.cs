using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>A host whose clock the tests move forward: sliding sessions of 8 hours, at most one day from sign-in.</summary>
public sealed class ShiftedClockAppFactory : IdentityAppFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:SessionLifetime"] = "08:00:00",
        ["Identity:AbsoluteSessionLifetime"] = "1.00:00:00",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class SessionLifetimeTests(ShiftedClockAppFactory app) : IClassFixture<ShiftedClockAppFactory>
{
    [Fact]
    public async Task A_session_in_use_all_day_still_ends_one_day_after_its_sign_in()
    {
        var userId = await app.CreateUserAsync("all.day@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("all.day@example.com");
        var signedInAt = app.Clock.Offset;

        // A request every five hours: past half of the 8-hour window each time, so the cookie slides on every one.
        while (app.Clock.Offset - signedInAt + TimeSpan.FromHours(5) < TimeSpan.FromDays(1))
        {
            app.Clock.Advance(TimeSpan.FromHours(5));
            using var page = await browser.Http.GetAsync("/Account/Manage");
            page.StatusCode.ShouldBe(HttpStatusCode.OK, $"{app.Clock.Offset - signedInAt} after sign-in");
        }

        app.Clock.Advance(TimeSpan.FromHours(5));
        using var after = await browser.Http.GetAsync("/Account/Manage");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.UserId == userId))).ShouldBeFalse();
    }

    [Fact]
    public async Task After_a_password_change_this_session_outlives_the_next_security_stamp_check()
    {
        await app.CreateUserAsync("stamp.check@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("stamp.check@example.com");
        using (var changed = await browser.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["Password.CurrentPassword"] = IdentityAppFactory.Password, ["Password.NewPassword"] = "a long and unusual passphrase 7",
               }, handler: "ChangePassword"))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await WebSession.TextAsync(changed));
        }

        // The security stamp is checked once a minute: the renewed session carries the new stamp, so it passes.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var page = await browser.Http.GetAsync("/Account/Manage");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
