using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Testing;
using Marketplace.Identity.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>A host whose mail outbox refuses one address: the last step of a sign-up, after the account and its role are written.</summary>
public sealed class FailingMailAppFactory : IdentityAppFactory
{
    public const string Unlucky = "unlucky@example.com";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Decorate<IMailOutbox>(real => new FailingFor(Unlucky, real));

    private sealed class FailingFor(string address, IMailOutbox inner) : IMailOutbox
    {
        /// <summary>Takes the message first, then fails: what the outbox already holds must not be stored or sent.</summary>
        public void Send(MailMessage message)
        {
            inner.Send(message);
            if (message.To == address)
            {
                throw new InvalidOperationException("The mail store is down.");
            }
        }
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
        (await MailRowsToAsync(FailingMailAppFactory.Unlucky)).ShouldBe(0);
        app.Smtp.CountTo(FailingMailAppFactory.Unlucky).ShouldBe(0);

        // The address is free for a new attempt: nothing half-made blocks it.
        using var retried = await browser.SubmitAsync("/Account/SignUp", SignUp("lucky@example.com", "JobSeeker", ""));
        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "lucky@example.com"))).ShouldBeTrue();
        (await MailRowsToAsync("lucky@example.com")).ShouldBe(1);
    }

    [Fact]
    public async Task A_reset_link_goes_out_once_through_the_durable_outbox_and_its_token_is_in_no_table_in_plain_text()
    {
        await app.CreateUserAsync("durable@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        using (await browser.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "durable@example.com" }))
        {
        }

        var message = await app.Smtp.WaitForMessageAsync("durable@example.com");
        message.HtmlBody.ShouldNotBeNull().ShouldContain("Choose a new password");
        var link = Mail.LinkTo(message, "/Account/ResetPassword");
        var token = Uri.UnescapeDataString(link.Split("token=")[1].Split('&')[0]);
        token.Length.ShouldBeGreaterThan(40);

        var search = await PlaintextSearch.SearchAsync(app.Database.ConnectionString, token);
        search.Searched.ShouldContain("mail.messages.protected_content");
        search.Found.ShouldBeEmpty();
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var status = new NpgsqlCommand("SELECT module, status FROM mail.messages WHERE recipient = 'durable@example.com'", connection);
        await using (var row = await status.ExecuteReaderAsync())
        {
            (await row.ReadAsync()).ShouldBeTrue();
            (row.GetString(0), row.GetString(1)).ShouldBe(("identity", "sent"));
            (await row.ReadAsync()).ShouldBeFalse();
        }

        app.Smtp.CountTo("durable@example.com").ShouldBe(1);
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

    private async Task<long> MailRowsToAsync(string recipient)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM mail.messages WHERE recipient = @to", connection);
        count.Parameters.AddWithValue("to", recipient);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static Dictionary<string, string> SignUp(string email, string kind, string company, string password = "a long and unusual passphrase 7") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.CompanyName"] = company,
    };
}
