using System.Net;
using Hangfire;
using Hangfire.States;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.Jobs.Domain.Companies;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Companies;

/// <summary>
/// The Jobs module mails its own invitations through the durable mail block: stored with the invitation, sent by a
/// Hangfire job once, with an HTML and a text part, and the raw token is stored nowhere in plain text.
/// </summary>
public sealed class InvitationMailTests(MailFixture fixture) : IClassFixture<MailFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task An_invitation_is_mailed_once_with_html_and_text_parts_and_its_token_is_in_no_table_in_plain_text()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var to = "colleague.one@invited.example";

        await InviteAsync(app, "admin.one@inviting.example", "Inviting One Ltd", to);
        var message = await fixture.Smtp.WaitForMessageAsync(to);
        await app.WaitForBackgroundWorkAsync();

        message.Subject.ShouldBe("You are invited to join Inviting One Ltd on Marketplace");
        var text = message.TextBody ?? "";
        var html = message.HtmlBody ?? "";
        text.ShouldContain("An admin of Inviting One Ltd invited you");
        var link = text.Split('\n').Single(l => l.Contains("/Account/SignUp?invitation=", StringComparison.Ordinal)).Trim();
        Uri.IsWellFormedUriString(link, UriKind.Absolute).ShouldBeTrue(link);
        html.ShouldContain($"<a href=\"{WebUtility.HtmlEncode(link)}\"");
        html.ShouldContain("Create your employer account");
        html.ShouldContain("<html lang=\"en\">");
        fixture.Smtp.CountTo(to).ShouldBe(1);

        var token = Uri.UnescapeDataString(link.Split("invitation=")[1]);
        token.Length.ShouldBeGreaterThanOrEqualTo(40);
        var search = await PlaintextSearch.SearchAsync(fixture.Database.ConnectionString, token);
        search.Found.ShouldBeEmpty();
        // The search reached where the token used to travel and where the mail now waits, and finds what is there.
        search.Searched.ShouldContain("jobs.outbox_messages.payload");
        search.Searched.ShouldContain("mail.messages.protected_content");
        search.Searched.ShouldContain("hangfire.job.arguments");
        (await PlaintextSearch.SearchAsync(fixture.Database.ConnectionString, InvitationTokensHash(token))).Found
            .ShouldBe(["jobs.company_invitations.token_hash"]);
        (await MailRowsAsync(app)).ShouldHaveSingleItem().Status.ShouldBe(MailStatus.Sent);
    }

    [Fact]
    public async Task A_mail_committed_by_a_process_that_stopped_before_sending_it_goes_out_once_after_the_restart()
    {
        var to = "colleague.two@invited.example";
        var stopping = fixture.StartApp(fixture.Options(new AppOptions { BackgroundServer = false, RelayAfterCommit = false, SendMailAfterCommit = false }));
        await InviteAsync(stopping, "admin.two@inviting.example", "Inviting Two Ltd", to);
        var stored = (await MailRowsAsync(stopping)).ShouldHaveSingleItem();
        stored.Status.ShouldBe(MailStatus.Pending);
        stored.Attempts.ShouldBe(0);
        await fixture.StopAppAsync(stopping);
        fixture.Smtp.CountTo(to).ShouldBe(0);

        var restarted = fixture.StartApp(fixture.Options(new AppOptions()));
        await fixture.Smtp.WaitForMessageAsync(to);
        await restarted.WaitForBackgroundWorkAsync();
        fixture.Smtp.CountTo(to).ShouldBe(1);

        // The job run again (as Hangfire may) finds the message sent and sends nothing.
        var sentAgain = await restarted.InScopeAsync(services => services.GetRequiredService<MailDelivery>().TrySendAsync(stored.Id, CancellationToken.None));
        sentAgain.ShouldBeFalse();
        fixture.Smtp.CountTo(to).ShouldBe(1);
        (await MailRowsAsync(restarted)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Status.ShouldBe(MailStatus.Sent),
            m => m.Attempts.ShouldBe(1));
    }

    [Fact]
    public async Task A_refused_invitation_sends_nothing()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var (browser, companyId) = await SignedInCompanyAdminAsync(app, "admin.three@inviting.example", "Inviting Three Ltd");
        await app.InScopeAsync(async services =>
        {
            var jobs = services.GetRequiredService<JobsDbContext>();
            var company = await jobs.Companies.SingleAsync(c => c.Id == companyId);
            for (var i = 0; i < Company.MaxInvitationsPerDay; i++)
            {
                company.Invite(company.Members[0].UserId, $"filler{i}@invited.example", $"{i:D64}", DateTimeOffset.UtcNow);
            }

            return await jobs.SaveChangesAsync();
        });

        using var refused = await ApiAccess.SubmitFormAsync(browser, "/Employer/Company", "Invite",
            new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = "one.too.many@invited.example" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("at most 20 invitations a day");
        await app.WaitForBackgroundWorkAsync();
        (await MailRowsAsync(app)).ShouldBeEmpty();
        fixture.Smtp.CountTo("one.too.many@invited.example").ShouldBe(0);
    }

    [Fact]
    public async Task A_mail_the_server_keeps_refusing_is_marked_failed_stays_in_the_failed_list_and_is_sent_once_when_requeued()
    {
        var outage = new MailServerOutage();
        var app = fixture.StartApp(fixture.Options(new AppOptions { Services = outage.Install }));
        var to = "colleague.four@invited.example";
        await InviteAsync(app, "admin.four@inviting.example", "Inviting Four Ltd", to);

        // The send fails and Hangfire schedules a retry; move it to Failed, as AutomaticRetry does once attempts run out.
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? jobId = null;
        while (jobId is null && DateTime.UtcNow < deadline)
        {
            var retry = monitoring.ScheduledJobs(0, 10).FirstOrDefault(j => j.Value.Job.Method.Name == nameof(MailDelivery.SendAsync));
            if (retry.Key is not null && jobs.ChangeState(retry.Key, new FailedState(new MailNotSentException("retries exhausted", new IOException())), ScheduledState.StateName))
            {
                jobId = retry.Key;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        jobId.ShouldNotBeNull("the failing send was never scheduled for a retry");
        var mail = (await MailRowsAsync(app)).ShouldHaveSingleItem();
        mail.Attempts.ShouldBe(1);
        mail.LastError!.ShouldContain("The mail server is down");

        // The remaining attempts fail too: the message is marked failed, as admins see it, and the failure names it.
        await using var scope = app.Services.CreateAsyncScope();
        var delivery = scope.ServiceProvider.GetRequiredService<MailDelivery>();
        for (var attempt = 2; attempt <= MailDelivery.MaxAttempts; attempt++)
        {
            var failure = await Should.ThrowAsync<MailNotSentException>(() => delivery.TrySendAsync(mail.Id, CancellationToken.None));
            failure.Message.ShouldContain(to);
            failure.Message.ShouldContain($"attempt {attempt} of {MailDelivery.MaxAttempts}");
        }

        (await MailRowsAsync(app)).ShouldHaveSingleItem().Status.ShouldBe(MailStatus.Failed);
        monitoring.FailedJobs(0, 10).ShouldContain(j => j.Key == jobId);
        fixture.Smtp.CountTo(to).ShouldBe(0);

        outage.End();
        jobs.Requeue(jobId).ShouldBeTrue();
        await fixture.Smtp.WaitForMessageAsync(to);
        await app.WaitForBackgroundWorkAsync();

        fixture.Smtp.CountTo(to).ShouldBe(1);
        (await MailRowsAsync(app)).ShouldHaveSingleItem().Status.ShouldBe(MailStatus.Sent);
        monitoring.FailedCount().ShouldBe(0);
    }

    private static string InvitationTokensHash(string token) => Marketplace.Jobs.Application.Companies.InvitationTokens.Hash(token);

    private static Task<List<OutgoingMail>> MailRowsAsync(MarketplaceApp app) =>
        app.InScopeAsync(services => services.GetRequiredService<MailDbContext>().Messages.AsNoTracking().ToListAsync());

    private static async Task InviteAsync(MarketplaceApp app, string admin, string company, string to)
    {
        var (browser, companyId) = await SignedInCompanyAdminAsync(app, admin, company);
        using var invited = await ApiAccess.SubmitFormAsync(browser, "/Employer/Company", "Invite",
            new Dictionary<string, string> { ["Input.CompanyId"] = companyId.ToString(), ["Input.Email"] = to });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect, await invited.Content.ReadAsStringAsync());
    }

    /// <summary>An employer, signed in, who founded a company (created directly: sign-up has its own tests).</summary>
    private static async Task<(HttpClient Browser, Guid CompanyId)> SignedInCompanyAdminAsync(MarketplaceApp app, string email, string company)
    {
        var userId = await app.CreateAccountAsync(email, Roles.Employer);
        var companyId = Guid.CreateVersion7();
        await app.InScopeAsync(services =>
        {
            var jobs = services.GetRequiredService<JobsDbContext>();
            jobs.Companies.Add(Company.Found(companyId, company, userId, DateTimeOffset.UtcNow).Value);
            return jobs.SaveChangesAsync();
        });
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await ApiAccess.SignInAsync(browser, email);
        return (browser, companyId);
    }

    /// <summary>The mail server refuses every message until <see cref="End"/>.</summary>
    private sealed class MailServerOutage
    {
        private volatile bool _over;

        public void End() => _over = true;

        public void Install(IServiceCollection services) => services.Decorate<IMailTransport>(inner => new Transport(inner, this));

        private sealed class Transport(IMailTransport inner, MailServerOutage outage) : IMailTransport
        {
            public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) =>
                outage._over ? inner.SendAsync(message, cancellationToken) : throw new IOException("The mail server is down (simulated).");
        }
    }
}
