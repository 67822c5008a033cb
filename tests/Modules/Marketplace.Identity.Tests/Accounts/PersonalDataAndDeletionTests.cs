using System.Net;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Tests.Fixtures;
using Marketplace.Identity.Tests.Protocol;
using Duende.IdentityModel.Client;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Identity.Tests.Accounts;

/// <summary>With the Hangfire server on, so the outbox relay and deliveries run as in production.</summary>
public sealed class RelayingAppFactory : IdentityAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["BackgroundJobs:ServerEnabled"] = "true",
        ["BackgroundJobs:QueuePollIntervalMs"] = "200",
    };
}

public sealed class PersonalDataAndDeletionTests(RelayingAppFactory app) : IClassFixture<RelayingAppFactory>
{
    [Fact]
    public async Task A_user_downloads_their_data_as_json_with_a_section_per_module()
    {
        await app.CreateUserAsync("curious@example.com", Roles.JobSeeker);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("curious@example.com");
        using var response = await browser.Http.GetAsync("/Account/Manage/PersonalData?handler=Download");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("marketplace-personal-data.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var identity = document.RootElement.GetProperty("identity");
        identity.GetProperty("email").GetString().ShouldBe("curious@example.com");
        identity.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.JobSeeker]);
        identity.GetProperty("sessions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_removes_everything_here_and_reaches_the_jobs_module()
    {
        var userId = await app.CreateUserAsync("leaving@example.com", Roles.Employer);
        using var browser = app.CreateSession();
        await browser.SignInOrThrowAsync("leaving@example.com");
        var (clientId, secret) = await OAuth.CreateApiClientAsync(browser, "Old ATS", ApiScopes.JobsRead, ApiScopes.JobsWrite);
        using var ats = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var token = await ats.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "jobs:read jobs:write",
        });
        ats.SetBearerToken(token.AccessToken!);
        var posting = (await ats.PublishAsync(PostingRequests.Valid(company: "Leaving Ltd"))).GetProperty("id").GetGuid();

        using (var export = await browser.Http.GetAsync("/Account/Manage/PersonalData?handler=Download"))
        {
            using var document = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
            document.RootElement.GetProperty("jobs").GetProperty("publishedPostings").EnumerateArray()
                .Select(p => p.GetProperty("id").GetGuid()).ShouldBe([posting]);
        }

        using (var wrong = await browser.SubmitAsync("/Account/Manage/PersonalData", new Dictionary<string, string> { ["Password"] = "not my password, sorry" }, handler: "Delete"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await WebSession.TextAsync(wrong)).ShouldContain("The password is not correct");
        }

        using var deleted = await browser.SubmitAsync("/Account/Manage/PersonalData", new Dictionary<string, string> { ["Password"] = IdentityAppFactory.Password }, handler: "Delete");
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldBe("/Account/AccountDeleted");

        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.UserId == userId))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.ApiClients.AnyAsync(c => c.OwnerId == userId))).ShouldBeFalse();
        using (var after = await browser.Http.GetAsync("/Account/Manage"))
        {
            after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var http = app.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        using var refused = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await app.OutboxAsync<UserDeleted>()).ShouldHaveSingleItem().UserId.ShouldBe(userId);

        // The relay and delivery (Hangfire jobs started after commit) reach the Jobs module, which forgets the employer.
        await using var jobs = new NpgsqlConnection(app.Database.ConnectionString);
        await jobs.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var query = new NpgsqlCommand("SELECT employer_id FROM jobs.postings WHERE id = @id", jobs);
            query.Parameters.AddWithValue("id", posting);
            if (await query.ExecuteScalarAsync() is DBNull)
            {
                break;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the Jobs module did not handle UserDeleted within 30 s");
            await Task.Delay(200);
        }

        await using var inbox = new NpgsqlCommand("SELECT count(*) FROM jobs.inbox_messages WHERE handler = 'jobs.forget-deleted-employer'", jobs);
        (await inbox.ExecuteScalarAsync()).ShouldBe(1L);
    }
}
