using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Accounts;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Identity.Tests.Protocol;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplace.Identity.Tests.Companies;

/// <summary>
/// Employers and their companies, through HTTP with the outbox relayed by Hangfire: a sign-up founds a company, its admin
/// invites a colleague by email, the colleague signs up through the link and joins, and the token works only once.
/// </summary>
public sealed class CompanyInvitationTests(RelayingAppFactory app) : IClassFixture<RelayingAppFactory>
{
    private const string NewPassword = "a long and unusual passphrase 7";

    [Fact]
    public async Task A_founder_gets_one_company_invites_a_colleague_who_signs_up_through_the_link_and_joins_it()
    {
        var (founder, founderId) = await SignUpEmployerAsync("founder@founders.example", "Founders Ltd");
        var companyId = await WaitForScalarAsync<Guid>(
            "SELECT company_id FROM jobs.company_members WHERE user_id = @user AND role = 'Admin'", ("user", founderId));
        (await ScalarAsync<long>("SELECT count(*) FROM jobs.companies WHERE name = 'Founders Ltd'")).ShouldBe(1L);

        // A second delivery of the same EmployerRegistered (as after a crash before the relay committed) changes nothing.
        var registered = (await app.OutboxAsync<EmployerRegistered>()).Where(e => e.UserId == founderId).ShouldHaveSingleItem();
        var handler = await ScalarAsync<string>("SELECT handler FROM jobs.inbox_messages WHERE event_id = @id", ("id", registered.EventId));
        var payload = await ScalarAsync<string>("SELECT payload::text FROM identity.outbox_messages WHERE id = @id", ("id", registered.EventId));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IntegrationEventDelivery>().TryDeliverAsync(
                    "jobs", [new EventDelivery(registered.EventId, "identity", "identity.employer-registered", payload, [handler])], CancellationToken.None))
                .ShouldBe(0);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM jobs.companies WHERE name = 'Founders Ltd'")).ShouldBe(1L);

        var page = await founder.GetPageAsync("/Employer/Company");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Founders Ltd");
        page.QuerySelector("#my-role")!.TextContent.ShouldBe("Admin");
        using (var export = await founder.Http.GetAsync("/Account/Manage/PersonalData?handler=Download"))
        {
            using var document = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
            var company = document.RootElement.GetProperty("jobs").GetProperty("company");
            company.GetProperty("name").GetString().ShouldBe("Founders Ltd");
            company.GetProperty("role").GetString().ShouldBe("Admin");
        }

        using (var invalid = await founder.SubmitAsync("/Employer/Company", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "not an email" }, "Invite"))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(invalid)).ShouldContain("Enter a valid email address.");
        }

        using (var invite = await founder.SubmitAsync("/Employer/Company", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "Colleague@Founders.example" }, "Invite"))
        {
            invite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await ScalarAsync<string>("SELECT token_hash FROM jobs.company_invitations WHERE email = 'colleague@founders.example'")).Length.ShouldBe(64);
        var invitationMail = await app.Smtp.WaitForMessageAsync("colleague@founders.example");
        invitationMail.Subject!.ShouldContain("Founders Ltd");
        var link = Mail.LinkTo(invitationMail, "/Account/SignUp");
        var token = Uri.UnescapeDataString(link.Split("invitation=")[1]);
        (await ScalarAsync<long>("SELECT count(*) FROM jobs.company_invitations WHERE token_hash LIKE @token", ("token", "%" + token + "%"))).ShouldBe(0L, "only the token's hash is stored");

        using var colleague = app.CreateSession();
        var signUpPage = await colleague.GetPageAsync(link);
        signUpPage.QuerySelector("h1")!.TextContent.ShouldContain("Founders Ltd");
        signUpPage.QuerySelector("input[name='Input.CompanyName']").ShouldBeNull();

        using (var otherAddress = await colleague.SubmitAsync(link, InvitedSignUp("someone.else@example.com", token)))
        {
            otherAddress.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(otherAddress)).ShouldContain("This invitation was sent to another email address");
        }

        using (var signUp = await colleague.SubmitAsync(link, InvitedSignUp("colleague@founders.example", token)))
        {
            signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var confirm = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("colleague@founders.example", m => m.Subject!.Contains("Confirm", StringComparison.Ordinal)), "/Account/ConfirmEmail");
        await colleague.FollowAndConfirmAsync(confirm);
        var colleagueId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "colleague@founders.example").Select(u => u.Id).SingleAsync());
        (await WaitForScalarAsync<Guid>("SELECT company_id FROM jobs.company_members WHERE user_id = @user AND role = 'Member'", ("user", colleagueId)))
            .ShouldBe(companyId);
        (await ScalarAsync<long>("SELECT count(*) FROM jobs.company_members WHERE user_id = @user", ("user", colleagueId))).ShouldBe(1L, "joining founds no company of its own");
        (await ScalarAsync<bool>("SELECT accepted_at IS NOT NULL FROM jobs.company_invitations WHERE email = 'colleague@founders.example'")).ShouldBeTrue();

        await colleague.SignInOrThrowAsync("colleague@founders.example", NewPassword);
        var colleaguePage = await colleague.GetPageAsync("/Employer/Company");
        colleaguePage.QuerySelector("h1")!.TextContent.ShouldBe("Founders Ltd");
        colleaguePage.QuerySelector("#my-role")!.TextContent.ShouldBe("Member");
        colleaguePage.QuerySelectorAll("#members li").Length.ShouldBe(2);
        colleaguePage.QuerySelector("form[action*='handler=Invite']").ShouldBeNull();

        // A member who is not an admin may not invite, even by posting the form by hand.
        var antiforgery = await colleague.GetFormTokenAsync("/Employer/Company");
        using (var refused = await colleague.PostAsync("/Employer/Company?handler=Invite", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "friend@example.com" }, antiforgery))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // The link works once: a second sign-up through it is refused with a message, and creates nothing.
        using var reuser = app.CreateSession();
        (await reuser.GetPageAsync(link)).QuerySelector("#invitation-problem")!.TextContent.ShouldContain("already been used");
        using (var reused = await reuser.SubmitAsync("/Account/SignUp", InvitedSignUp("colleague@founders.example", token)))
        {
            reused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(reused)).ShouldContain("already been used");
        }

        // Postings belong to the company: the founder's posting carries the company's name, and the colleague may edit it.
        var founderApi = await ApiClientAsync(founder);
        var posting = await founderApi.PublishAsync(PostingRequests.Valid(company: "Some Free Text"));
        posting.GetProperty("company").GetString().ShouldBe("Founders Ltd");
        var colleagueApi = await ApiClientAsync(colleague);
        var edit = PostingRequests.Valid(company: "");
        edit["title"] = "Edited by a colleague";
        edit["version"] = posting.GetProperty("version").GetUInt32();
        using (var edited = await colleagueApi.PutAsJsonAsync($"/api/v1/postings/{posting.GetProperty("id").GetGuid()}", edit))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
            var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("title").GetString().ShouldBe("Edited by a colleague");
            body.GetProperty("company").GetString().ShouldBe("Founders Ltd");
        }
    }

    [Fact]
    public async Task An_employer_outside_the_company_and_a_job_seeker_cannot_invite_and_an_expired_link_is_refused()
    {
        var (admin, adminId) = await SignUpEmployerAsync("admin@expiring.example", "Expiring Inc");
        var companyId = await WaitForScalarAsync<Guid>("SELECT company_id FROM jobs.company_members WHERE user_id = @user", ("user", adminId));

        await app.CreateUserAsync("outsider@elsewhere.example", Roles.Employer);
        using var outsider = app.CreateSession();
        await outsider.SignInOrThrowAsync("outsider@elsewhere.example");
        (await outsider.GetPageAsync("/Employer/Company")).QuerySelector("form[action*='handler=Invite']").ShouldBeNull();
        var antiforgery = await outsider.GetFormTokenAsync("/Employer/Company");
        using (var notFound = await outsider.PostAsync("/Employer/Company?handler=Invite", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "friend@example.com" }, antiforgery))
        {
            notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await app.CreateUserAsync("seeker@elsewhere.example", Roles.JobSeeker);
        using var seeker = app.CreateSession();
        await seeker.SignInOrThrowAsync("seeker@elsewhere.example");
        var seekerToken = await seeker.GetFormTokenAsync("/Account/Manage");
        using (var forbidden = await seeker.PostAsync("/Employer/Company?handler=Invite", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "friend@example.com" }, seekerToken))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await ScalarAsync<long>("SELECT count(*) FROM jobs.company_invitations WHERE company_id = @company", ("company", companyId))).ShouldBe(0L);

        using (var invite = await admin.SubmitAsync("/Employer/Company", new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "late@expiring.example" }, "Invite"))
        {
            invite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var link = Mail.LinkTo(await app.Smtp.WaitForMessageAsync("late@expiring.example"), "/Account/SignUp");
        var token = Uri.UnescapeDataString(link.Split("invitation=")[1]);
        (await ScalarAsync<bool>("SELECT expires_at BETWEEN now() + interval '6 days 23 hours' AND now() + interval '7 days 1 hour' FROM jobs.company_invitations WHERE company_id = @company", ("company", companyId))).ShouldBeTrue();
        await ScalarAsync<int>("UPDATE jobs.company_invitations SET expires_at = now() - interval '1 minute' WHERE company_id = @company RETURNING 1", ("company", companyId));

        using var late = app.CreateSession();
        (await late.GetPageAsync(link)).QuerySelector("#invitation-problem")!.TextContent.ShouldContain("has expired");
        using (var refused = await late.SubmitAsync("/Account/SignUp", InvitedSignUp("late@expiring.example", token)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(refused)).ShouldContain("has expired");
        }

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "late@expiring.example"))).ShouldBeFalse();
        (await (await late.Http.GetAsync("/Account/SignUp?invitation=made-up-token")).Content.ReadAsStringAsync()).ShouldContain("not valid");

        // A deleted admin leaves the company, and the invitations they sent no longer name them.
        using (var deleted = await admin.SubmitAsync("/Account/Manage/PersonalData", new Dictionary<string, string> { ["Password"] = NewPassword }, handler: "Delete"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await WaitForScalarAsync<long>(
            "SELECT 1::bigint WHERE NOT EXISTS (SELECT 1 FROM jobs.company_members WHERE user_id = @user) AND NOT EXISTS (SELECT 1 FROM jobs.company_invitations WHERE invited_by = @user)",
            ("user", adminId))).ShouldBe(1L);
        (await ScalarAsync<long>("SELECT count(*) FROM jobs.company_invitations WHERE company_id = @company", ("company", companyId))).ShouldBe(1L);
    }

    private static Dictionary<string, string> InvitedSignUp(string email, string token) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = NewPassword,
        ["Input.Kind"] = "Employer",
        ["Input.InvitationToken"] = token,
    };

    private async Task<(WebSession Session, Guid UserId)> SignUpEmployerAsync(string email, string company)
    {
        var browser = app.CreateSession();
        using (var signUp = await browser.SubmitAsync("/Account/SignUp", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = NewPassword, ["Input.Kind"] = "Employer", ["Input.CompanyName"] = company,
        }))
        {
            signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var confirm = Mail.LinkTo(await app.Smtp.WaitForMessageAsync(email), "/Account/ConfirmEmail");
        await browser.FollowAndConfirmAsync(confirm);
        await browser.FollowAndConfirmAsync(confirm);
        await browser.SignInOrThrowAsync(email, NewPassword);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (browser, userId);
    }

    private async Task<HttpClient> ApiClientAsync(WebSession employer)
    {
        var (clientId, secret) = await OAuth.CreateApiClientAsync(employer, "ATS " + Guid.NewGuid(), ApiScopes.JobsRead, ApiScopes.JobsWrite);
        var api = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var token = await api.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "jobs:read jobs:write",
        });
        api.SetBearerToken(token.AccessToken!);
        return api;
    }

    private async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls until the query returns a row: the event crosses modules through the outbox and Hangfire.</summary>
    private async Task<T> WaitForScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            if (await command.ExecuteScalarAsync() is T found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                await using var states = new NpgsqlCommand("SELECT string_agg(name || ': ' || coalesce(data::text, ''), E'\n') FROM hangfire.state WHERE name IN ('Failed', 'Scheduled')", connection);
                throw new TimeoutException($"nothing came of: {sql}\n{await states.ExecuteScalarAsync()}");
            }
            await Task.Delay(200);
        }
    }
}
