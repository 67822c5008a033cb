using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Email;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>A host whose mail hand-over fails for one address: the last step of a sign-up, after the account and its role are written.</summary>
public sealed class FailingMailAppFactory : IdentityAppFactory
{
    public const string Unlucky = "unlucky@example.com";

    /// <summary>Wraps whatever sender the app registered, so the test holds whichever way mail travels.</summary>
    protected override void ConfigureServices(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IEmailSender));
        services.Replace(ServiceDescriptor.Describe(typeof(IEmailSender), sp => new FailingFor(Unlucky, (IEmailSender)(
            real.ImplementationInstance ?? real.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))), real.Lifetime));
    }

    private sealed class FailingFor(string address, IEmailSender inner) : IEmailSender
    {
        public ValueTask SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            message.To == address ? throw new InvalidOperationException("The mail store is down.") : inner.SendAsync(message, cancellationToken);
    }
}

/// <summary>The account use cases are commands through the one pipeline: a sign-up is one transaction, and every field error sits next to its field.</summary>
public sealed class OneWritePathTests(FailingMailAppFactory app) : IClassFixture<FailingMailAppFactory>
{
    [Fact]
    public async Task A_sign_up_that_fails_at_its_last_step_leaves_no_account_behind()
    {
        using var browser = app.CreateSession();
        using var failed = await browser.SubmitAsync("/Account/SignUp", SignUp(FailingMailAppFactory.Unlucky, "Employer", "Half Done Ltd"));
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == FailingMailAppFactory.Unlucky))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.UserRoles.CountAsync())).ShouldBe(await app.WithDbAsync(db => db.Users.CountAsync()));

        // The address is free for a new attempt: nothing half-made blocks it.
        using var retried = await browser.SubmitAsync("/Account/SignUp", SignUp("lucky@example.com", "JobSeeker", ""));
        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "lucky@example.com"))).ShouldBeTrue();
    }

    public static TheoryData<string, string?, Dictionary<string, string>, string, string> FieldErrors() => new()
    {
        // page, handler, fields, the field the message must sit next to, the message
        { "/Account/SignUp", null, SignUp("not-an-email", "JobSeeker", ""), "Input.Email", "Enter a valid email address" },
        { "/Account/SignUp", null, SignUp("weak@example.com", "JobSeeker", "", password: "password1234"), "Input.Password", "too common" },
        { "/Account/SignUp", null, SignUp("nameless.boss@example.com", "Employer", ""), "Input.CompanyName", "Enter the name of your company" },
        { "/Account/Manage", "ChangePassword", new() { ["Password.CurrentPassword"] = IdentityAppFactory.Password, ["Password.NewPassword"] = "short" }, "Password.NewPassword", "Use at least 12 characters" },
        { "/Account/Manage", "ChangePassword", new() { ["Password.CurrentPassword"] = "", ["Password.NewPassword"] = "a long and unusual passphrase 7" }, "Password.CurrentPassword", "Enter your current password" },
        { "/Account/Manage", "ChangeEmail", new() { ["EmailChange.NewEmail"] = "nope", ["EmailChange.CurrentPassword"] = IdentityAppFactory.Password }, "EmailChange.NewEmail", "Enter a valid email address" },
        { "/Account/Manage/PersonalData", "Delete", new() { ["Password"] = "" }, "Password", "Enter your password" },
    };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public async Task A_validation_or_rule_error_is_shown_next_to_the_field_the_form_sent(
        string page, string? handler, Dictionary<string, string> fields, string field, string message)
    {
        using var browser = app.CreateSession();
        if (page.StartsWith("/Account/Manage", StringComparison.Ordinal))
        {
            var email = $"fields.{Guid.NewGuid():N}@example.com";
            await app.CreateUserAsync(email, Roles.JobSeeker);
            await browser.SignInOrThrowAsync(email);
        }

        using var response = await browser.SubmitAsync(page, fields, handler);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var next = document.QuerySelector($"[data-valmsg-for='{field}']");
        next.ShouldNotBeNull($"no message slot for {field}");
        next.TextContent.ShouldContain(message);
    }

    private static Dictionary<string, string> SignUp(string email, string kind, string company, string password = "a long and unusual passphrase 7") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.CompanyName"] = company,
    };
}
