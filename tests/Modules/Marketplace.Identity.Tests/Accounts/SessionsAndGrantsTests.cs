using System.Net;
using Duende.IdentityModel.Client;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Identity.Tests.Protocol;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>
/// A password change or reset, an email change and a deletion end the account's other sessions and its OAuth grants at
/// once: cookies stop opening pages, refresh tokens are refused and access tokens stop working before they expire.
/// </summary>
[Collection(SharedIdentityApp.Name)]
public sealed class SessionsAndGrantsTests(IdentityAppFactory app)
{
    private const string NewPassword = "a long and unusual passphrase 7";

    [Fact]
    public async Task A_password_reset_ends_every_session_and_a_refresh_afterwards_is_refused()
    {
        const string email = "reset.everywhere@example.com";
        var (laptop, phone, api, tokens) = await TwoDevicesAsync(email);

        using var anonymous = app.CreateSession();
        using (await anonymous.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = email }))
        {
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(email), "/Account/ResetPassword");
        using (var reset = await anonymous.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword }))
        {
            (await WebSession.TextAsync(reset)).ShouldContain("password-reset");
        }

        await ShouldBeSignedOutAsync(laptop);
        await ShouldBeSignedOutAsync(phone);
        await ShouldBeRevokedAsync(api, tokens);
    }

    [Fact]
    public async Task A_password_change_keeps_this_session_and_ends_the_others_and_every_grant()
    {
        var (laptop, phone, api, tokens) = await TwoDevicesAsync("change.everywhere@example.com");

        using (var changed = await laptop.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["Password.CurrentPassword"] = IdentityAppFactory.Password, ["Password.NewPassword"] = NewPassword,
               }, handler: "ChangePassword"))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await WebSession.TextAsync(changed));
        }

        (await laptop.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]").ShouldNotBeNull();
        await ShouldBeSignedOutAsync(phone);
        await ShouldBeRevokedAsync(api, tokens);
    }

    [Fact]
    public async Task An_email_change_ends_the_other_sessions_and_every_grant()
    {
        var (laptop, phone, api, tokens) = await TwoDevicesAsync("moving.everywhere@example.com");

        using (await laptop.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["EmailChange.NewEmail"] = "moved.everywhere@example.com", ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password,
               }, handler: "ChangeEmail"))
        {
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("moved.everywhere@example.com"), "/Account/ConfirmEmailChange");
        (await laptop.FollowAndConfirmAsync(link)).QuerySelector("[data-testid=email-changed]").ShouldNotBeNull();

        (await laptop.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]")!.TextContent.ShouldContain("moved.everywhere@example.com");
        await ShouldBeSignedOutAsync(phone);
        await ShouldBeRevokedAsync(api, tokens);
    }

    [Fact]
    public async Task Deleting_the_account_stops_its_access_tokens_at_once()
    {
        const string email = "deleting.everywhere@example.com";
        await app.CreateUserAsync(email, Roles.JobSeeker);
        using var laptop = await SignedInAsync(email);
        var (api, tokens) = await GrantAsync(laptop);

        using (var deleted = await laptop.SubmitAsync("/Account/Manage/PersonalData", new Dictionary<string, string> { ["Password"] = IdentityAppFactory.Password }, handler: "Delete"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await ShouldBeRevokedAsync(api, tokens);
    }

    [Fact]
    public async Task A_deleted_api_clients_access_tokens_stop_working_at_once()
    {
        await app.CreateUserAsync("integrator@example.com", Roles.Employer);
        using var employer = await SignedInAsync("integrator@example.com");
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "Leaving ATS", ApiScopes.JobsRead);
        using var ats = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var token = await ats.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = ApiScopes.JobsRead,
        });
        ats.SetBearerToken(token.AccessToken!);
        (await ats.GetAsync("/api/v1/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await employer.GetPageAsync("/Account/Manage/ApiClients");
        var antiforgery = page.QuerySelector("form[action*='handler=Delete'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var deleted = await employer.PostAsync("/Account/Manage/ApiClients?handler=Delete", new Dictionary<string, string> { ["clientId"] = clientId }, antiforgery))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ats.GetAsync("/api/v1/identity/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the token has not expired, but its client is gone");
    }

    /// <summary>A user signed in on two browsers; the phone's app also holds OAuth tokens.</summary>
    private async Task<(WebSession Laptop, WebSession Phone, HttpClient Api, TokenResponse Tokens)> TwoDevicesAsync(string email)
    {
        await app.CreateUserAsync(email, Roles.JobSeeker);
        var laptop = await SignedInAsync(email);
        var phone = await SignedInAsync(email);
        var (api, tokens) = await GrantAsync(phone);
        return (laptop, phone, api, tokens);
    }

    private async Task<WebSession> SignedInAsync(string email)
    {
        var session = app.CreateSession();
        await session.SignInOrThrowAsync(email);
        return session;
    }

    /// <summary>The app client's tokens for this session's user, and an API client that works with the access token.</summary>
    private async Task<(HttpClient Api, TokenResponse Tokens)> GrantAsync(WebSession user)
    {
        var api = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var tokens = await OAuth.UserTokensAsync(api, user, "openid offline_access jobs:read");
        tokens.RefreshToken.ShouldNotBeNull();
        api.SetBearerToken(tokens.AccessToken!);
        (await api.GetAsync("/api/v1/identity/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (api, tokens);
    }

    private static async Task ShouldBeSignedOutAsync(WebSession session)
    {
        using var response = await session.Http.GetAsync("/Account/Manage");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    private async Task ShouldBeRevokedAsync(HttpClient api, TokenResponse tokens)
    {
        using (var me = await api.GetAsync("/api/v1/identity/me"))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the access token has not expired, but its grant is revoked");
        }

        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var refreshed = await client.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = OAuth.PublicClient, RefreshToken = tokens.RefreshToken!,
        });
        refreshed.Error.ShouldBe("invalid_grant");
        refreshed.AccessToken.ShouldBeNull();
    }
}
