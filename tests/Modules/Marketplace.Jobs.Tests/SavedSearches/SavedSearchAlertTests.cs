using System.Net;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Contracts;
using Marketplace.Jobs.Domain.SavedSearches;
using Marketplace.Jobs.Infrastructure.Alerts;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Npgsql;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.SavedSearches;

/// <summary>
/// Saved searches and their alerts: a sweep announces each new matching posting once per person, in one digest, never
/// again (twice over, concurrently, or after a sweep that failed half-way); the unsubscribe link works without signing in
/// and cannot be forged.
/// </summary>
public sealed partial class SavedSearchAlertTests(MailFixture fixture) : IClassFixture<MailFixture>, IAsyncLifetime
{
    private static int _people;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_new_matching_posting_is_announced_once_with_one_click_unsubscribe_headers_and_never_again()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "k8s remote senior", "Instant");
        var employer = app.CreateEmployerClient();
        var matching = await PublishAsync(employer, "Senior Platform Engineer", "Remote", "Senior", "Kubernetes");
        await PublishAsync(employer, "Senior Java Developer", "Remote", "Senior", "Java");

        await SweepAsync(app);
        var mail = await fixture.Smtp.WaitForMessageAsync(seeker.Email);
        await SweepAsync(app);
        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();

        fixture.Smtp.CountTo(seeker.Email).ShouldBe(1);
        mail.Subject.ShouldBe("1 new posting for \"k8s remote senior\"");
        mail.TextBody!.ShouldContain("Senior Platform Engineer at Acme");
        mail.TextBody!.ShouldContain($"/Jobs/{matching}");
        mail.TextBody!.ShouldNotContain("Java");
        mail.HtmlBody!.ShouldContain($"/Jobs/{matching}\"");
        var unsubscribe = Unfolded(mail.Headers[HeaderId.ListUnsubscribe]!);
        unsubscribe.ShouldMatch("^<http://localhost/Jobs/Alerts/Unsubscribe\\?token=[^>]+>$");
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        mail.TextBody!.ShouldContain("Unsubscribe: " + unsubscribe.Trim('<', '>'));

        // A second matching posting makes a second alert, about it alone.
        await PublishAsync(employer, "Senior SRE, Kubernetes", "Remote", "Senior", "k8s");
        await MakeDueAsync(app);
        await SweepAsync(app);
        var second = await fixture.Smtp.WaitForMessageAsync(seeker.Email, m => m.MessageId != mail.MessageId);
        second.TextBody!.ShouldContain("Senior SRE, Kubernetes");
        second.TextBody!.ShouldNotContain("Senior Platform Engineer");
    }

    [Fact]
    public async Task Postings_published_before_the_search_was_saved_are_not_announced()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var employer = app.CreateEmployerClient();
        await PublishAsync(employer, "Rust systems engineer", "Remote", "Senior", "Rust");
        await SweepAsync(app);
        await PublishAsync(employer, "Rust developer, not yet announced", "Remote", "Senior", "Rust");
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "rust", "Instant");

        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();

        fixture.Smtp.CountTo(seeker.Email).ShouldBe(0);
    }

    [Fact]
    public async Task Sweeps_running_at_once_and_a_sweep_that_failed_half_way_announce_each_posting_once()
    {
        // No Hangfire, no relay: only the sweeps this test runs touch the search, and the mail stays stored, to be counted.
        var failOnce = new FailingDirectory();
        var app = fixture.StartApp(fixture.Options(new AppOptions
        {
            BackgroundServer = false, RelayAfterCommit = false, SendMailAfterCommit = false, Services = failOnce.Install,
        }));
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "elixir", "Instant");
        await PublishAsync(app.CreateEmployerClient(), "Elixir engineer", "Hybrid", "Mid", "Elixir");

        // The first sweep to reach this person fails inside its transaction, after it has searched and before it commits.
        failOnce.Armed = true;
        await Should.ThrowAsync<InvalidOperationException>(() => SweepAsync(app));
        (await StoredMailCountAsync(app, seeker.Email)).ShouldBe(0);

        await Task.WhenAll(SweepAsync(app), SweepAsync(app), SweepAsync(app));
        await MakeDueAsync(app);
        await SweepAsync(app);

        (await StoredMailCountAsync(app, seeker.Email)).ShouldBe(1);
        failOnce.Failures.ShouldBe(1);
    }

    [Fact]
    public async Task A_sweep_that_meets_another_sweep_of_the_same_person_leaves_all_their_searches_to_it()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions
        {
            BackgroundServer = false, RelayAfterCommit = false, SendMailAfterCommit = false,
        }));
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "haskell", "Daily");
        await SaveSearchAsync(app, seeker, "clojure", "Daily");
        var employer = app.CreateEmployerClient();
        await PublishAsync(employer, "Haskell developer", "Remote", "Mid", "Haskell");
        await PublishAsync(employer, "Clojure developer", "Remote", "Mid", "Clojure");
        await MakeDueAsync(app);

        // Another sweep's transaction holds this person, as a sweep takes them: this sweep must not take one of their searches.
        var connectionString = await app.InScopeAsync(services => Task.FromResult(services.GetRequiredService<JobsDbContext>().Database.GetConnectionString()!));
        await using (var other = new NpgsqlConnection(connectionString))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('jobs.saved-search-alerts:' || @id::text, 0))", other, transaction);
            hold.Parameters.AddWithValue("id", seeker.Id);
            await hold.ExecuteNonQueryAsync();

            await SweepAsync(app);

            (await StoredMailCountAsync(app, seeker.Email)).ShouldBe(0);
            (await SavedSearchesAsync(app, seeker.Id)).ShouldAllBe(s => s.LastAlertAt == null);
        }

        await SweepAsync(app);

        (await StoredMailCountAsync(app, seeker.Email)).ShouldBe(1);
        (await SavedSearchesAsync(app, seeker.Id)).ShouldAllBe(s => s.LastAlertAt != null);
    }

    [Fact]
    public async Task A_person_gets_one_digest_for_all_their_due_searches_with_each_posting_once()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "kotlin", "Daily");
        await SaveSearchAsync(app, seeker, "remote", "Daily");
        var employer = app.CreateEmployerClient();
        await PublishAsync(employer, "Kotlin developer", "Remote", "Mid", "Kotlin");
        await PublishAsync(employer, "Remote Scala developer", "Remote", "Mid", "Scala");

        // A daily search waits for its hour.
        await SweepAsync(app);
        (await StoredMailCountAsync(app, seeker.Email)).ShouldBe(0);

        await MakeDueAsync(app);
        await SweepAsync(app);
        var digest = await fixture.Smtp.WaitForMessageAsync(seeker.Email);
        await app.WaitForBackgroundWorkAsync();

        fixture.Smtp.CountTo(seeker.Email).ShouldBe(1);
        digest.Subject.ShouldBe("2 new postings for 2 of your saved searches");
        Regex.Matches(digest.TextBody!, "Kotlin developer at").Count.ShouldBe(1);
        digest.TextBody!.ShouldContain("Remote Scala developer at");
        var searches = await SavedSearchesAsync(app, seeker.Id);
        searches.ShouldAllBe(s => s.NextAlertAt > DateTimeOffset.UtcNow && s.LastAlertAt != null);
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_on_get_stops_alerts_on_a_one_click_post_without_signing_in_and_cannot_be_forged()
    {
        var app = fixture.StartApp(fixture.Options(new AppOptions()));
        var seeker = await SeekerAsync(app);
        await SaveSearchAsync(app, seeker, "ocaml", "Instant");
        await PublishAsync(app.CreateEmployerClient(), "OCaml developer", "Remote", "Mid", "OCaml");
        await SweepAsync(app);
        var mail = await fixture.Smtp.WaitForMessageAsync(seeker.Email);
        var link = Unfolded(mail.Headers[HeaderId.ListUnsubscribe]!).Trim('<', '>');
        var path = new Uri(link).PathAndQuery;
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var asked = await anonymous.GetAsync(path);
        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asked.Content.ReadAsStringAsync()).ShouldContain("ocaml");
        (await SavedSearchesAsync(app, seeker.Id)).Single().Frequency.ShouldBe(AlertFrequency.Instant);

        var token = Uri.UnescapeDataString(path.Split("token=")[1]);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var refused = await OneClickAsync(anonymous, "/Jobs/Alerts/Unsubscribe?token=" + Uri.EscapeDataString(forged));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await OneClickAsync(anonymous, "/Jobs/Alerts/Unsubscribe?token=" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SavedSearchesAsync(app, seeker.Id)).Single().Frequency.ShouldBe(AlertFrequency.Instant);

        var done = await OneClickAsync(anonymous, path);
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await SavedSearchesAsync(app, seeker.Id)).Single().Frequency.ShouldBe(AlertFrequency.Off);
        (await OneClickAsync(anonymous, path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await PublishAsync(app.CreateEmployerClient(), "Another OCaml developer", "Remote", "Mid", "OCaml");
        await SweepAsync(app);
        await app.WaitForBackgroundWorkAsync();
        fixture.Smtp.CountTo(seeker.Email).ShouldBe(1);
    }

    private static string Unfolded(string header) => Regex.Replace(header, @"\s+", "");

    private sealed record Seeker(Guid Id, string Email, HttpClient Browser);

    private static async Task<Seeker> SeekerAsync(MarketplaceApp app)
    {
        var email = $"alerted.{Interlocked.Increment(ref _people)}@example.com";
        var id = await app.CreateAccountAsync(email, Roles.JobSeeker);
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, email);
        return new Seeker(id, email, browser);
    }

    /// <summary>Saves a search as the search page's form does; the save form sits on /Jobs and posts to /Jobs/Saved.</summary>
    private static async Task SaveSearchAsync(MarketplaceApp app, Seeker seeker, string q, string frequency)
    {
        var page = await seeker.Browser.GetStringAsync("/Jobs?q=" + Uri.EscapeDataString(q));
        var token = Antiforgery().Match(page).Groups[1].Value;
        using var saved = await seeker.Browser.PostAsync("/Jobs/Saved?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["q"] = q,
            ["frequency"] = frequency,
            ["__RequestVerificationToken"] = token,
        }));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
    }

    private static async Task<Guid> PublishAsync(HttpClient employer, string title, string mode, string seniority, string skill)
    {
        var request = PostingRequests.Valid([skill], []);
        request["title"] = title;
        request["workMode"] = mode;
        request["seniority"] = seniority;
        return (await employer.PublishAsync(request)).GetProperty("id").GetGuid();
    }

    private static Task SweepAsync(MarketplaceApp app) =>
        app.InScopeAsync(async services =>
        {
            await services.GetRequiredService<JobsSweeps>().SweepAlertsAsync(CancellationToken.None);
            return 0;
        });

    /// <summary>As if the next alert time had come (an instant search's pause, a daily digest's hour).</summary>
    private static Task MakeDueAsync(MarketplaceApp app) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().SavedSearches.Where(s => s.NextAlertAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAlertAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

    private static Task<List<SavedSearch>> SavedSearchesAsync(MarketplaceApp app, Guid userId) => app.InScopeAsync(services =>
        services.GetRequiredService<JobsDbContext>().SavedSearches.AsNoTracking().Where(s => s.UserId == userId).ToListAsync());

    private static Task<int> StoredMailCountAsync(MarketplaceApp app, string to) => app.InScopeAsync(services =>
        services.GetRequiredService<Marketplace.BuildingBlocks.Infrastructure.Mail.MailDbContext>().Messages.CountAsync(m => m.Recipient == to));

    /// <summary>What a mail client sends for RFC 8058's one-click unsubscribe: a POST of that one field, no cookie, no token.</summary>
    private static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    /// <summary>The user directory, failing once when armed: the sweep then fails after searching and before committing.</summary>
    private sealed class FailingDirectory
    {
        public bool Armed { get; set; }

        public int Failures { get; private set; }

        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IUserDirectory));
            services.Replace(ServiceDescriptor.Scoped<IUserDirectory>(sp => new Directory(this, (IUserDirectory)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        }

        private sealed class Directory(FailingDirectory owner, IUserDirectory inner) : IUserDirectory
        {
            public Task<IReadOnlyDictionary<Guid, string>> FindEmailsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
            {
                if (owner.Armed)
                {
                    owner.Armed = false;
                    owner.Failures++;
                    throw new InvalidOperationException("The directory is down for this test.");
                }

                return inner.FindEmailsAsync(userIds, cancellationToken);
            }
        }
    }
}
