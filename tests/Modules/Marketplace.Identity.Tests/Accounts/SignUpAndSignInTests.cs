using Marketplace.Testing;
using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tests.Accounts;

public sealed class SignUpAndSignInTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    private const string NewPassword = "a long and unusual passphrase 7";

    private static Dictionary<string, string> SignUpForm(string email, string password, string kind = "JobSeeker", string company = "") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.CompanyName"] = company,
    };

    [Fact]
    public async Task A_job_seeker_signs_up_confirms_the_email_signs_in_and_signs_out_for_good()
    {
        using var browser = app.CreateSession();
        const string email = "new.seeker@example.com";

        using var signUp = await browser.SubmitAsync("/Account/SignUp", SignUpForm(email, NewPassword));
        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signUp.Headers.Location!.OriginalString.ShouldBe("/Account/CheckEmail");

        var message = await app.Smtp.WaitForMessageAsync(email);
        message.Subject!.ShouldContain("Confirm");

        using (var early = await browser.SignInAsync(email, NewPassword))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(early)).ShouldContain("Confirm your email first");
        }

        (await browser.FollowAndConfirmAsync(Mail.LinkTo(message, "/Account/ConfirmEmail"))).QuerySelector("[data-testid=email-confirmed]").ShouldNotBeNull();

        using var signIn = await browser.SignInAsync(email, NewPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/Account/Manage");
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-marketplace=", StringComparison.Ordinal));
        setCookie.ShouldContain("secure");
        setCookie.ShouldContain("httponly");
        setCookie.ShouldContain("samesite=lax");
        setCookie.ShouldContain("path=/");
        setCookie.ShouldNotContain("domain=");
        var cookie = setCookie.Split(';')[0];

        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]")!.TextContent.ShouldContain(email);

        using var signOut = await browser.SignOutAsync();
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var after = await browser.Http.GetAsync("/Account/Manage"))
        {
            after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            after.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        }

        // A copy of the cookie taken before sign-out no longer opens the session: it was deleted on the server.
        using var stolen = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage") { Headers = { { "Cookie", cookie } } };
        using var replayed = await stolen.SendAsync(replay);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Every_sign_in_starts_a_new_session_and_the_cookie_from_before_sign_in_is_not_reused()
    {
        var userId = await app.CreateUserAsync("renewal@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        var tokenFromAnotherTab = await browser.GetFormTokenAsync("/Account/SignIn");
        using var first = await browser.SignInAsync("renewal@example.com", IdentityAppFactory.Password);
        var firstIds = await app.WithDbAsync(db => Task.FromResult(db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToList()));
        (await browser.GetPageAsync("/Account/SignIn")).QuerySelector("[data-testid=already-signed-in]").ShouldNotBeNull();

        // The sign-in form left open in another tab is posted while the browser already holds a session cookie.
        using var second = await browser.PostAsync("/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = "renewal@example.com",
            ["Input.Password"] = IdentityAppFactory.Password,
        }, tokenFromAnotherTab);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var secondIds = await app.WithDbAsync(db => Task.FromResult(db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToList()));

        // A new server-side session, and the one from before this sign-in is gone (not renewed in place).
        firstIds.ShouldHaveSingleItem();
        secondIds.ShouldHaveSingleItem();
        secondIds[0].ShouldNotBe(firstIds[0]);

        using var stale = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage") { Headers = { { "Cookie", Cookie(first) } } };
        (await stale.SendAsync(replay)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]").ShouldNotBeNull();

        static string Cookie(HttpResponseMessage r) =>
            r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-marketplace=", StringComparison.Ordinal)).Split(';')[0];
    }

    [Theory]
    [InlineData("not-an-email", NewPassword, "JobSeeker", "", "Enter a valid email address")]
    [InlineData("short@example.com", "tooshort", "JobSeeker", "", "Use at least 12 characters")]
    [InlineData("common@example.com", "password1234", "JobSeeker", "", "too common")]
    [InlineData("common2@example.com", "qwertyuiop123", "JobSeeker", "", "too common")]
    [InlineData("boss@example.com", NewPassword, "Employer", "", "Enter the name of your company")]
    public async Task Sign_up_with_bad_input_shows_what_is_wrong_next_to_the_field(string email, string password, string kind, string company, string expected)
    {
        using var browser = app.CreateSession();
        using var response = await browser.SubmitAsync("/Account/SignUp", SignUpForm(email, password, kind, company));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebSession.TextAsync(response)).ShouldContain(expected);
    }

    [Fact]
    public async Task A_password_longer_than_128_characters_is_refused_and_128_is_accepted()
    {
        using var browser = app.CreateSession();
        using var tooLong = await browser.SubmitAsync("/Account/SignUp", SignUpForm("long1@example.com", new string('x', 120) + "abcdefghi"));
        (await WebSession.TextAsync(tooLong)).ShouldContain("Use at most 128 characters");
        using var longest = await browser.SubmitAsync("/Account/SignUp", SignUpForm("long2@example.com", new string('x', 119) + "abcdefghi"));
        longest.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Signing_up_with_a_registered_email_answers_the_same_and_tells_the_owner_by_mail()
    {
        await app.CreateUserAsync("taken@example.com", Roles.JobSeeker);
        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        var roles = await app.WithDbAsync(db => db.UserRoles.CountAsync());
        using var browser = app.CreateSession();
        using var response = await browser.SubmitAsync("/Account/SignUp", SignUpForm("taken@example.com", NewPassword));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/Account/CheckEmail");
        (await app.Smtp.WaitForMessageAsync("taken@example.com")).Subject!.ShouldContain("tried to sign up");

        // The answer cost what a new account costs (a stand-in account made and undone in the transaction): nothing stays.
        (await app.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(users);
        (await app.WithDbAsync(db => db.UserRoles.CountAsync())).ShouldBe(roles);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.EndsWith("@rehearsal.invalid")))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        await app.CreateUserAsync("known@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        using var unknown = await browser.SignInAsync("nobody@example.com", "whatever whatever 1");
        using var wrong = await browser.SignInAsync("known@example.com", "whatever whatever 1");
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknownText = await WebSession.TextAsync(unknown);
        var wrongText = await WebSession.TextAsync(wrong);
        unknownText.ShouldContain("The email or password is not correct");
        Normalize(unknownText, "nobody@example.com").ShouldBe(Normalize(wrongText, "known@example.com"));

        static string Normalize(string html, string email) =>
            System.Text.RegularExpressions.Regex.Replace(html.Replace(email, "EMAIL", StringComparison.Ordinal), "value=\"CfDJ8[^\"]*\"", "TOKEN");
    }

    [Fact]
    public async Task A_password_reset_by_email_changes_the_password_and_unknown_emails_get_the_same_answer()
    {
        await app.CreateUserAsync("forgetful@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        using var unknown = await browser.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "ghost@example.com" });
        using var known = await browser.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "forgetful@example.com" });
        (await WebSession.TextAsync(unknown)).ShouldContain("If an account uses this address");
        (await WebSession.TextAsync(known)).ShouldContain("If an account uses this address");

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("forgetful@example.com"), "/Account/ResetPassword");
        using var weak = await browser.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "password1234" });
        (await WebSession.TextAsync(weak)).ShouldContain("too common");
        using var reset = await browser.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword });
        (await WebSession.TextAsync(reset)).ShouldContain("password-reset");

        using (var old = await browser.SignInAsync("forgetful@example.com", IdentityAppFactory.Password))
        {
            old.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var fresh = await browser.SignInAsync("forgetful@example.com", NewPassword);
        fresh.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Smtp.CountTo("ghost@example.com").ShouldBe(0);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_sessions_and_keeps_this_one()
    {
        await app.CreateUserAsync("changer@example.com", Roles.JobSeeker);
        using var laptop = app.CreateSession();
        using var phone = app.CreateSession();
        await laptop.SignInOrThrowAsync("changer@example.com");
        await phone.SignInOrThrowAsync("changer@example.com");

        using (var wrong = await laptop.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["Password.CurrentPassword"] = "not my password at all",
                   ["Password.NewPassword"] = NewPassword,
               }, handler: "ChangePassword"))
        {
            (await WebSession.TextAsync(wrong)).ShouldContain("The current password is not correct");
        }

        using var changed = await laptop.SubmitAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = IdentityAppFactory.Password,
            ["Password.NewPassword"] = NewPassword,
        }, handler: "ChangePassword");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await WebSession.TextAsync(changed));

        (await laptop.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=notice]")!.TextContent.ShouldContain("password is changed");
        using var phoneAfter = await phone.Http.GetAsync("/Account/Manage");
        phoneAfter.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_email_changes_only_after_the_link_sent_to_the_new_address_is_followed()
    {
        await app.CreateUserAsync("old.address@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("old.address@example.com");
        using var request = await browser.SubmitAsync("/Account/Manage", new Dictionary<string, string>
        {
            ["EmailChange.NewEmail"] = "new.address@example.com",
            ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password,
        }, handler: "ChangeEmail");
        request.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]")!.TextContent.ShouldContain("old.address@example.com");

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("new.address@example.com"), "/Account/ConfirmEmailChange");
        (await browser.FollowAndConfirmAsync(link)).QuerySelector("[data-testid=email-changed]").ShouldNotBeNull();

        using var fresh = app.CreateSession();
        await fresh.SignInOrThrowAsync("new.address@example.com");
    }

    [Fact]
    public async Task An_employer_sign_up_announces_the_company_to_the_other_modules_once_the_email_is_confirmed()
    {
        using var browser = app.CreateSession();
        const string email = "hiring@example.com";
        using var signUp = await browser.SubmitAsync("/Account/SignUp", SignUpForm(email, NewPassword, "Employer", "Acme Backend Ltd"));
        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(email), "/Account/ConfirmEmail");
        (await app.OutboxAsync<EmployerRegistered>()).ShouldNotContain(e => e.Email == email);

        await browser.FollowAndConfirmAsync(link);
        await browser.FollowAndConfirmAsync(link);

        var announced = (await app.OutboxAsync<EmployerRegistered>()).Where(e => e.Email == email).ShouldHaveSingleItem();
        announced.CompanyName.ShouldBe("Acme Backend Ltd");
        await browser.SignInOrThrowAsync(email, NewPassword);
        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]")!.TextContent.ShouldContain(Roles.Employer);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_is_refused_with_a_message()
    {
        var userId = await app.CreateUserAsync("unconfirmed@example.com", Roles.JobSeeker, confirmed: false);
        using var browser = app.CreateSession();
        using var response = await browser.SubmitAsync($"/Account/ConfirmEmail?userId={userId}&token=Zm9v", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await WebSession.TextAsync(response)).ShouldContain("invalid or has expired");
    }
}
