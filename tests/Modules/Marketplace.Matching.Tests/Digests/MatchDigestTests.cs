using System.Net;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Digests;
using Marketplace.Matching.Infrastructure.Digests;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Matching.Tests.Pipeline;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Marketplace.Matching.Tests.MatchingHost;

namespace Marketplace.Matching.Tests.Digests;

/// <summary>
/// The weekly digest: a seeker's new matches at or above the score they chose, through the durable mail, each match in one
/// digest only; a seeker changes the score on a page (bad input answered next to the field) or turns it off; the signed
/// unsubscribe link works without signing in, one-click included, and cannot be forged.
/// </summary>
public sealed partial class MatchDigestTests(MailFixture fixture) : IClassFixture<MailFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.StopOtherAppsAsync();
        await fixture.ResetAsync();
    }

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_seeker_gets_new_matches_above_their_score_once_and_unsubscribes_with_one_click()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        const string email = "digest.seeker@example.com";
        var seeker = await app.CreateAccountAsync(email, Roles.JobSeeker);
        await PublishAsync(app, "profiles", Events.Profile(seeker, 1, [("csharp", 5), ("postgresql", 5), ("docker", 4)]));
        var strong = Events.Posting(Guid.NewGuid(), 1, [("csharp", true), ("postgresql", true)], title: "Strong match");
        var weak = Events.Posting(Guid.NewGuid(), 1, [("csharp", true), ("rust", true), ("elixir", true), ("kafka", true)], title: "Weak match");
        await PublishAsync(app, "jobs", Events.Published(strong), Events.Published(weak));
        await app.WaitForBackgroundWorkAsync();
        var scores = (await MatchesAsync(app, seeker)).Items.ToDictionary(m => m.PostingId, m => m.Score);
        scores[strong.PostingId].ShouldBeGreaterThan(scores[weak.PostingId] + 2);
        var threshold = (int)Math.Floor(scores[weak.PostingId]) + 1;

        // The seeker sets the score on the page; a score out of range is answered next to the field and nothing changes.
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, email);
        using (var refused = await SubmitDigestAsync(browser, enabled: true, "150"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("The score is between 1 and 100.");
        }

        (await DigestAsync(app, seeker)).ShouldBeNull();
        using (var saved = await SubmitDigestAsync(browser, enabled: true, threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await DigestAsync(app, seeker))!.MinimumScore.ShouldBe(threshold);

        await SweepAsync(app);
        var mail = await fixture.Smtp.WaitForMessageAsync(email);
        mail.Subject.ShouldBe("A new match for you: Strong match at Acme");
        mail.TextBody!.ShouldContain($"/Jobs/{strong.PostingId}");
        mail.TextBody!.ShouldNotContain("Weak match");
        var unsubscribe = Regex.Replace(mail.Headers[HeaderId.ListUnsubscribe]!, @"\s+", "");
        unsubscribe.ShouldMatch("^<http://localhost/Matches/Digest/Unsubscribe\\?token=[^>]+>$");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");

        // Not due again this week; and when due, the same match is not sent twice, however often the sweep runs.
        await SweepAsync(app);
        await MakeDueAsync(app, seeker);
        await SweepAsync(app);
        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();
        fixture.Smtp.CountTo(email).ShouldBe(1);
        (await DigestedAsync(app, seeker)).ShouldBe([strong.PostingId]);

        // A new strong match comes in the next digest, alone.
        var another = Events.Posting(Guid.NewGuid(), 1, [("csharp", true), ("docker", true)], title: "Second good fit");
        await PublishAsync(app, "jobs", Events.Published(another));
        await app.WaitForBackgroundWorkAsync();
        await MakeDueAsync(app, seeker);
        await SweepAsync(app);
        var second = await fixture.Smtp.WaitForMessageAsync(email, m => m.MessageId != mail.MessageId);
        second.TextBody!.ShouldContain("Second good fit");
        second.TextBody!.ShouldNotContain("Strong match at");

        // The link: a GET only asks; a forged token is refused; the one-click POST stops the digest, twice the same as once.
        var path = new Uri(unsubscribe.Trim('<', '>')).PathAndQuery;
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DigestAsync(app, seeker))!.Enabled.ShouldBeTrue();
        var token = Uri.UnescapeDataString(path.Split("token=")[1]);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        (await OneClickAsync(anonymous, "/Matches/Digest/Unsubscribe?token=" + Uri.EscapeDataString(forged))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DigestAsync(app, seeker))!.Enabled.ShouldBeTrue();
        (await OneClickAsync(anonymous, path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await OneClickAsync(anonymous, path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DigestAsync(app, seeker))!.Enabled.ShouldBeFalse();
        (await DigestAsync(app, seeker))!.MinimumScore.ShouldBe(threshold);

        await PublishAsync(app, "jobs", Events.Published(Events.Posting(Guid.NewGuid(), 1, [("csharp", true)], title: "After unsubscribing")));
        await app.WaitForBackgroundWorkAsync();
        await MakeDueAsync(app, seeker);
        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();
        fixture.Smtp.CountTo(email).ShouldBe(2);
    }

    [Fact]
    public void A_digest_takes_scores_from_1_to_100_and_is_due_a_week_after_the_last_sweep_while_on()
    {
        var profile = Guid.NewGuid();
        MatchDigest.Choose(profile, true, 0).IsFailure.ShouldBeTrue();
        MatchDigest.Choose(profile, true, 101).IsFailure.ShouldBeTrue();
        var digest = MatchDigest.Choose(profile, true, 80).Value;
        digest.Includes(80).ShouldBeTrue();
        digest.Includes(79.9).ShouldBeFalse();
        var now = DateTimeOffset.UtcNow;
        digest.IsDue(now).ShouldBeTrue();
        digest.Swept(now);
        digest.IsDue(now.AddDays(6)).ShouldBeFalse();
        digest.IsDue(now.AddDays(7)).ShouldBeTrue();
        digest.TurnOff();
        digest.IsDue(now.AddDays(30)).ShouldBeFalse();
        digest.MinimumScore.ShouldBe(80);
        MatchDigest.Defaults(profile).MinimumScore.ShouldBe(MatchDigest.DefaultMinimumScore);
    }

    private static async Task<HttpResponseMessage> SubmitDigestAsync(HttpClient browser, bool enabled, string minimum)
    {
        var form = await browser.GetStringAsync("/Matches/Digest");
        var token = Antiforgery().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["MinimumScore"] = minimum };
        if (enabled) fields["Enabled"] = "true";
        return await browser.PostAsync("/Matches/Digest", new FormUrlEncodedContent(fields));
    }

    private static async Task SweepAsync(MarketplaceApp app)
    {
        await app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<WeeklyDigestSweep>().SweepAsync(CancellationToken.None);
            return 0;
        });
        await app.WaitForBackgroundWorkAsync();
    }

    private static Task<int> MakeDueAsync(MarketplaceApp app, Guid seeker) => app.InScopeAsync(s =>
        s.GetRequiredService<MatchingDbContext>().MatchDigests.Where(d => d.Id == seeker)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSweptAt, DateTimeOffset.UtcNow.AddDays(-8))));

    private static Task<MatchDigest?> DigestAsync(MarketplaceApp app, Guid seeker) =>
        app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().MatchDigests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == seeker));

    private static Task<List<Guid>> DigestedAsync(MarketplaceApp app, Guid seeker) =>
        app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().DigestedMatches.AsNoTracking().Where(d => d.ProfileId == seeker).Select(d => d.PostingId).ToListAsync());

    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
