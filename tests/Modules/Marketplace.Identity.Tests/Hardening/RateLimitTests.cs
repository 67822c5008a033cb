using System.Net;
using Marketplace.Identity.Tests.Fixtures;

namespace Marketplace.Identity.Tests.Hardening;

public sealed class RateLimitedAppFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:RateLimits:SignInPerWindow"] = "3",
        ["Identity:RateLimits:SignUpPerWindow"] = "2",
        ["Identity:RateLimits:PasswordResetPerWindow"] = "2",
        ["Identity:RateLimits:TokenPerWindow"] = "2",
        ["Identity:RateLimits:Window"] = "00:02:00",
    };
}

public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Theory]
    [InlineData("/Account/SignIn", 3)]
    [InlineData("/Account/SignUp", 2)]
    [InlineData("/Account/ForgotPassword", 2)]
    [InlineData("/connect/token", 2)]
    public async Task Past_the_limit_the_answer_is_429_with_retry_after(string path, int limit)
    {
        using var browser = app.CreateSession();
        for (var attempt = 1; attempt <= limit; attempt++)
        {
            using var allowed = await browser.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
            allowed.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"attempt {attempt}");
        }

        using var limited = await browser.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 120);
    }

    [Fact]
    public async Task Reading_the_pages_is_not_limited()
    {
        using var browser = app.CreateSession();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            using var page = await browser.Http.GetAsync("/Account/SignIn");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class AccountPasswordRateLimitedAppFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:RateLimits:AccountPasswordPerWindow"] = "2",
        ["Identity:RateLimits:Window"] = "00:02:00",
    };
}

public sealed class AccountPasswordRateLimitTests(AccountPasswordRateLimitedAppFactory app) : IClassFixture<AccountPasswordRateLimitedAppFactory>
{
    [Fact]
    public async Task The_account_pages_that_check_a_password_share_one_limit()
    {
        await app.CreateUserAsync("limited@example.com", Marketplace.BuildingBlocks.Application.Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("limited@example.com");
        var manage = await browser.GetFormTokenAsync("/Account/Manage");
        var personalData = await browser.GetFormTokenAsync("/Account/Manage/PersonalData");

        using (var changePassword = await browser.PostAsync("/Account/Manage?handler=ChangePassword",
                   new Dictionary<string, string> { ["Password.CurrentPassword"] = "wrong guess one", ["Password.NewPassword"] = "whatever whatever 1" }, manage))
        {
            changePassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var delete = await browser.PostAsync("/Account/Manage/PersonalData?handler=Delete", new Dictionary<string, string> { ["Password"] = "wrong guess two" }, personalData))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await browser.PostAsync("/Account/Manage?handler=ChangeEmail",
            new Dictionary<string, string> { ["EmailChange.NewEmail"] = "x@example.com", ["EmailChange.CurrentPassword"] = "wrong guess three" }, manage);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.Contains("Retry-After").ShouldBeTrue();

        using var reading = await browser.Http.GetAsync("/Account/Manage");
        reading.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
