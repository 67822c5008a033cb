using System.Net;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Hardening;

/// <summary>
/// Links in mail and the token issuer come from the configured public origin (https://localhost here), never from the
/// request: a client that sends a forged Host header (an attacker asking a reset for their victim) changes neither.
/// </summary>
[Collection(SharedIdentityApp.Name)]
public sealed class PublicOriginTests(IdentityAppFactory app)
{
    private const string Attacker = "https://attacker.example";

    [Fact]
    public async Task A_password_reset_asked_with_a_forged_host_mails_the_victim_a_link_to_the_public_origin()
    {
        await app.CreateUserAsync("victim@example.com", Roles.JobSeeker);
        using var attacker = ForgedHostSession();
        using var asked = await attacker.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "victim@example.com" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        asked.RequestMessage!.RequestUri!.Host.ShouldBe("attacker.example");

        var body = (await app.Smtp.WaitForMessageAsync("victim@example.com")).TextBody!;
        body.ShouldNotContain("attacker.example");
        var link = LinksIn(body).ShouldHaveSingleItem();
        link.ShouldStartWith("https://localhost/Account/ResetPassword?");

        // The link works, for the victim, on the real host.
        using var victim = app.CreateSession();
        using var reset = await victim.SubmitAsync(new Uri(link).PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase of mine 1" });
        (await WebSession.TextAsync(reset)).ShouldContain("password-reset");
    }

    [Fact]
    public async Task A_sign_up_and_an_email_change_asked_with_a_forged_host_mail_links_to_the_public_origin()
    {
        using var attacker = ForgedHostSession();
        using (await attacker.SubmitAsync("/Account/SignUp", new Dictionary<string, string>
               {
                   ["Input.Kind"] = "JobSeeker", ["Input.Email"] = "forged.signup@example.com", ["Input.Password"] = "a long and unusual passphrase 7",
               }))
        {
        }

        LinksIn((await app.Smtp.WaitForMessageAsync("forged.signup@example.com")).TextBody!)
            .ShouldHaveSingleItem().ShouldStartWith("https://localhost/Account/ConfirmEmail?");

        await app.CreateUserAsync("mover@example.com", Roles.JobSeeker);
        await attacker.SignInOrThrowAsync("mover@example.com");
        using (await attacker.SubmitAsync("/Account/Manage", new Dictionary<string, string>
               {
                   ["EmailChange.NewEmail"] = "moved@example.com", ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password,
               }, handler: "ChangeEmail"))
        {
        }

        LinksIn((await app.Smtp.WaitForMessageAsync("moved@example.com")).TextBody!)
            .ShouldHaveSingleItem().ShouldStartWith("https://localhost/Account/ConfirmEmailChange?");
    }

    [Fact]
    public async Task The_issuer_is_the_public_origin_whatever_host_the_request_names()
    {
        using var forged = app.CreateClient(new() { BaseAddress = new Uri(Attacker) });
        using var discovery = JsonDocument.Parse(await forged.GetStringAsync("/.well-known/openid-configuration"));
        discovery.RootElement.GetProperty("issuer").GetString().ShouldBe("https://localhost/");
        discovery.RootElement.GetProperty("token_endpoint").GetString().ShouldBe("https://localhost/connect/token");
    }

    private WebSession ForgedHostSession() => new(app.CreateClient(new()
    {
        BaseAddress = new Uri(Attacker),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    private static List<string> LinksIn(string body) =>
        [.. System.Text.RegularExpressions.Regex.Matches(body, @"https?://\S+").Select(m => m.Value)];
}
