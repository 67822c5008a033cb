using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>Mail scanners open links: a confirmation link opens a page with a button, and only the button (a POST) confirms.</summary>
[Collection(SharedIdentityApp.Name)]
public sealed class ConfirmationByPostTests(IdentityAppFactory app)
{
    [Fact]
    public async Task Opening_the_confirmation_link_confirms_nothing_until_the_button_is_pressed()
    {
        const string email = "scanned@example.com";
        using var browser = app.CreateSession();
        using (await browser.SubmitAsync("/Account/SignUp", new Dictionary<string, string>
               {
                   ["Input.Kind"] = "JobSeeker", ["Input.Email"] = email, ["Input.Password"] = "a long and unusual passphrase 7",
               }))
        {
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(email), "/Account/ConfirmEmail");
        using var scanner = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = true });
        for (var visit = 0; visit < 2; visit++)
        {
            using var opened = await scanner.GetAsync(link);
            opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await ConfirmedAsync(email)).ShouldBeFalse();
        var page = await browser.GetPageAsync(link);
        page.QuerySelector("form[method=post] button[data-testid=confirm-email]").ShouldNotBeNull();

        (await browser.FollowAndConfirmAsync(link)).QuerySelector("[data-testid=email-confirmed]").ShouldNotBeNull();
        (await ConfirmedAsync(email)).ShouldBeTrue();
    }

    [Fact]
    public async Task Opening_the_email_change_link_changes_nothing_until_the_button_is_pressed()
    {
        await app.CreateUserAsync("before.scan@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("before.scan@example.com");
        using (await browser.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["EmailChange.NewEmail"] = "after.scan@example.com", ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password,
               }, handler: "ChangeEmail"))
        {
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("after.scan@example.com"), "/Account/ConfirmEmailChange");
        using var scanner = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        (await scanner.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "before.scan@example.com"))).ShouldBeTrue();

        (await browser.FollowAndConfirmAsync(link)).QuerySelector("[data-testid=email-changed]").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "after.scan@example.com"))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_confirmation_button_without_the_antiforgery_token_is_refused()
    {
        var userId = await app.CreateUserAsync("forged.post@example.com", Roles.JobSeeker, confirmed: false);
        using var other = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        using var forged = await other.PostAsync($"/Account/ConfirmEmail?userId={userId}&token=Zm9v", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ConfirmedAsync("forged.post@example.com")).ShouldBeFalse();
    }

    private Task<bool> ConfirmedAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());
}
