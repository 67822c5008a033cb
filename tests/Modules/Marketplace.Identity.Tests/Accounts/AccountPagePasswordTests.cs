using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Infrastructure.Persistence;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>
/// The account pages' password checks (change password, change email, delete account) count toward the same lockout as
/// sign-in, so a stolen session cannot be used to guess the password that would take the account over.
/// </summary>
[Collection(SharedIdentityApp.Name)]
public sealed class AccountPagePasswordTests(IdentityAppFactory app)
{
    private const string NewPassword = "a long and unusual passphrase 7";

    [Fact]
    public async Task Five_wrong_passwords_across_the_account_pages_lock_the_account_even_for_the_right_one()
    {
        var userId = await app.CreateUserAsync("guessed@example.com", Roles.JobSeeker);
        using var thief = app.CreateSession();
        await thief.SignInOrThrowAsync("guessed@example.com");

        for (var guess = 1; guess <= 2; guess++)
        {
            using var changePassword = await thief.SubmitAsync("/Account/Manage", new Dictionary<string, string>
            {
                ["Password.CurrentPassword"] = $"guess number {guess} of five", ["Password.NewPassword"] = NewPassword,
            }, handler: "ChangePassword");
            (await WebSession.TextAsync(changePassword)).ShouldContain("The current password is not correct");
        }

        using (var changeEmail = await thief.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["EmailChange.NewEmail"] = "thief@example.com", ["EmailChange.CurrentPassword"] = "guess number 3 of five",
               }, handler: "ChangeEmail"))
        {
            (await WebSession.TextAsync(changeEmail)).ShouldContain("The current password is not correct");
        }

        for (var guess = 4; guess <= 5; guess++)
        {
            using var delete = await thief.SubmitAsync("/Account/Manage/PersonalData", new Dictionary<string, string> { ["Password"] = $"guess number {guess} of five" }, handler: "Delete");
            (await WebSession.TextAsync(delete)).ShouldContain("The password is not correct");
        }

        var lockoutEnd = await app.WithDbAsync(db => db.Set<ApplicationUser>().Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(4));

        // Locked: the right password is refused too, on the account pages and at sign-in, and nothing changed.
        using var owner = app.CreateSession();
        using (var signIn = await owner.SignInAsync("guessed@example.com", IdentityAppFactory.Password))
        {
            (await WebSession.TextAsync(signIn)).ShouldContain("The email or password is not correct");
        }

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId && u.Email == "guessed@example.com"))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_right_password_on_an_account_page_resets_the_count_of_wrong_ones()
    {
        var userId = await app.CreateUserAsync("typos@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("typos@example.com");
        for (var typo = 1; typo <= 4; typo++)
        {
            using var _ = await browser.SubmitAsync("/Account/Manage", new Dictionary<string, string>
            {
                ["EmailChange.NewEmail"] = "typos.new@example.com", ["EmailChange.CurrentPassword"] = $"typo number {typo} here",
            }, handler: "ChangeEmail");
        }

        (await AccessFailedCountAsync(userId)).ShouldBe(4);
        using (var right = await browser.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["EmailChange.NewEmail"] = "typos.new@example.com", ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password,
               }, handler: "ChangeEmail"))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect, await WebSession.TextAsync(right));
        }

        (await AccessFailedCountAsync(userId)).ShouldBe(0);
    }

    private Task<int> AccessFailedCountAsync(Guid userId) =>
        app.WithDbAsync(db => db.Set<ApplicationUser>().Where(u => u.Id == userId).Select(u => u.AccessFailedCount).SingleAsync());
}
