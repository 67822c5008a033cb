using Marketplace.Testing;
using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Hardening;

public sealed class AntiforgeryTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/Account/SignUp")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendConfirmation")]
    [InlineData("/Account/SignOut")]
    public async Task An_anonymous_form_post_without_the_antiforgery_token_is_refused(string page)
    {
        using var browser = app.CreateSession();
        await browser.GetPageAsync(page);
        using var response = await browser.Http.PostAsync(page, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = "someone@example.com", ["Input.Password"] = "correct horse battery staple 42" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/Account/Manage?handler=ChangePassword")]
    [InlineData("/Account/Manage?handler=ChangeEmail")]
    [InlineData("/Account/Manage/PersonalData?handler=Delete")]
    [InlineData("/Account/SignOut")]
    public async Task A_signed_in_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing(string action)
    {
        await app.CreateUserAsync($"victim{action.GetHashCode():x}@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync($"victim{action.GetHashCode():x}@example.com");
        using var response = await browser.Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = IdentityAppFactory.Password,
            ["Password.CurrentPassword"] = IdentityAppFactory.Password,
            ["Password.NewPassword"] = "a brand new passphrase 99",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetPageAsync("/Account/Manage")).QuerySelector("[data-testid=account-email]").ShouldNotBeNull();
    }
}
