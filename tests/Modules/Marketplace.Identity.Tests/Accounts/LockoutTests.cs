using Marketplace.Testing;
using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tests.Accounts;

public sealed class LockoutTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_five_minutes_with_the_same_answer_as_a_wrong_password()
    {
        var userId = await app.CreateUserAsync("target@example.com", Roles.JobSeeker);
        await app.CreateUserAsync("bystander@example.com", Roles.JobSeeker);
        using var attacker = app.CreateSession();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await attacker.SignInAsync("target@example.com", $"wrong guess number {attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(wrong)).ShouldContain("The email or password is not correct");
        }

        var before = DateTimeOffset.UtcNow;
        using var owner = app.CreateSession();
        using var locked = await owner.SignInAsync("target@example.com", IdentityAppFactory.Password);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.TextAsync(locked)).ShouldContain("The email or password is not correct");

        var lockoutEnd = await app.WithDbAsync(db => db.Set<ApplicationUser>().Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        (lockoutEnd.Value - before).ShouldBeInRange(TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(5.1));

        await owner.SignInOrThrowAsync("bystander@example.com");
    }

    [Fact]
    public async Task Four_wrong_passwords_do_not_lock_and_a_success_resets_the_count()
    {
        await app.CreateUserAsync("careful@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var _ = await browser.SignInAsync("careful@example.com", $"typo number {attempt} here");
        }

        await browser.SignInOrThrowAsync("careful@example.com");
        using var later = app.CreateSession();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var _ = await later.SignInAsync("careful@example.com", $"another typo {attempt} here");
        }

        await later.SignInOrThrowAsync("careful@example.com");
    }
}
