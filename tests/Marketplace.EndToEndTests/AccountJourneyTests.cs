using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

public sealed partial class AccountJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_visitor_signs_up_confirms_the_email_from_the_message_signs_in_and_signs_out()
    {
        const string email = "e2e.seeker@example.com";
        const string password = "a sturdy passphrase for e2e 9";
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignUp");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.AssertUsableAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), "sign-up.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/CheckEmail", PageChecks.Arrived);
        (await page.GetByTestId("check-email").IsVisibleAsync()).ShouldBeTrue();

        var message = await app.Smtp.WaitForMessageAsync(email);
        var link = ConfirmationLink().Match(message.TextBody ?? "").Value;
        link.ShouldStartWith(app.BaseUrl + "/Account/ConfirmEmail?");
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my email" }).ClickAsync();
        await page.GetByTestId("email-confirmed").WaitForAsync();

        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        (await page.GetByTestId("sign-in-errors").TextContentAsync())!.ShouldContain("The email or password is not correct");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage", PageChecks.Arrived);
        (await page.GetByTestId("account-email").TextContentAsync())!.ShouldContain(email);
        (await page.GetByTestId("account-link").TextContentAsync())!.ShouldContain(email);
        await page.AssertUsableAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserAppFixture.ScreenshotFolder(), "account.png"), FullPage = true });

        var session = (await context.CookiesAsync()).Single(c => c.Name == "marketplace");
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Lax);

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/Account/SignedOut", PageChecks.Arrived);
        (await page.GetByTestId("signed-out").IsVisibleAsync()).ShouldBeTrue();
        (await context.CookiesAsync()).ShouldNotContain(c => c.Name == "marketplace");

        await page.GotoAsync("/Account/Manage");
        page.Url.ShouldContain("/Account/SignIn");
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLink();
}
