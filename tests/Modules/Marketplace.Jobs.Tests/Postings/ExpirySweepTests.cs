using System.Net.Http.Json;
using Marketplace.Jobs.Domain.Postings;
using Marketplace.Jobs.Infrastructure.Alerts;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

/// <summary>
/// The expiry sweep (a Hangfire recurring job): the employer is mailed once, three days before a posting expires, and the
/// posting leaves the search when its 30 days are up; a renewed posting is neither warned again nor expired.
/// </summary>
public sealed class ExpirySweepTests(MailFixture fixture) : IClassFixture<MailFixture>, IAsyncLifetime
{
    private const string Employer = "api.employer@example.com";

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task The_employer_is_warned_once_three_days_before_and_the_posting_expires_at_thirty_days()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var employer = app.CreateEmployerClient();
        var warned = await PublishAsync(employer, "Backend engineer, expiring soon");
        var fresh = await PublishAsync(employer, "Backend engineer, just published");

        await ExpiresInAsync(app, warned, TimeSpan.FromDays(2));
        await SweepAsync(app);
        await SweepAsync(app);
        var mail = await fixture.Smtp.WaitForMessageAsync(Employer, m => (m.Subject ?? "").Contains("expiring soon\" expires on", StringComparison.Ordinal));
        await app.WaitForBackgroundWorkAsync();

        mail.Subject.ShouldStartWith("Your posting \"Backend engineer, expiring soon\" expires on ");
        mail.TextBody!.ShouldContain("/Employer/Postings");
        fixture.Smtp.Messages.Count(m => (m.Subject ?? "").Contains("expiring soon\" expires on", StringComparison.Ordinal)).ShouldBe(1);
        fixture.Smtp.Messages.ShouldNotContain(m => (m.Subject ?? "").Contains("just published", StringComparison.Ordinal));
        (await StatusAsync(app, warned)).ShouldBe(PostingStatus.Published);
        (await StatusAsync(app, fresh)).ShouldBe(PostingStatus.Published);

        await ExpiresInAsync(app, warned, TimeSpan.FromMinutes(-1));
        await SweepAsync(app);

        (await StatusAsync(app, warned)).ShouldBe(PostingStatus.Expired);
        (await StatusAsync(app, fresh)).ShouldBe(PostingStatus.Published);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync($"/Jobs/{warned}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var search = await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/postings/search?q=expiring");
        search.GetProperty("results").EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetGuid() == warned);
    }

    [Fact]
    public async Task A_renewed_posting_is_not_warned_again_nor_expired()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var employer = app.CreateEmployerClient();
        var posting = await PublishAsync(employer, "Platform engineer, renewed");
        await ExpiresInAsync(app, posting, TimeSpan.FromDays(1));
        await SweepAsync(app);
        await fixture.Smtp.WaitForMessageAsync(Employer, m => (m.Subject ?? "").Contains("renewed\" expires on", StringComparison.Ordinal));

        (await employer.PostAsJsonAsync($"/api/v1/postings/{posting}/renew", new { })).EnsureSuccessStatusCode();
        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();

        (await StatusAsync(app, posting)).ShouldBe(PostingStatus.Published);
        var stored = await app.InScopeAsync(services => services.GetRequiredService<JobsDbContext>().Postings.AsNoTracking().SingleAsync(p => p.Id == posting));
        stored.ExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(29));
        stored.ExpiryWarnedAt.ShouldBeNull();
        fixture.Smtp.Messages.Count(m => (m.Subject ?? "").Contains("renewed\" expires on", StringComparison.Ordinal)).ShouldBe(1);
    }

    private static async Task<Guid> PublishAsync(HttpClient employer, string title)
    {
        var request = PostingRequests.Valid();
        request["title"] = title;
        return (await employer.PublishAsync(request)).GetProperty("id").GetGuid();
    }

    /// <summary>As if the posting had been up for a while: its expiry moved to <paramref name="from"/> from now.</summary>
    private static Task ExpiresInAsync(MarketplaceApp app, Guid posting, TimeSpan from) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().Postings.Where(p => p.Id == posting)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow + from)));

    private static Task SweepAsync(MarketplaceApp app) =>
        app.InScopeAsync(async services =>
        {
            await services.GetRequiredService<JobsSweeps>().SweepExpiryAsync(CancellationToken.None);
            return 0;
        });

    private static Task<PostingStatus> StatusAsync(MarketplaceApp app, Guid posting) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().Postings.AsNoTracking().Where(p => p.Id == posting).Select(p => p.Status).SingleAsync());
}
