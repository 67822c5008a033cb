using System.Net;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Infrastructure.Engine;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Profiles.Contracts;
using Marketplace.Skills.Taxonomy;
using Marketplace.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Matching.Tests.MatchingHost;

namespace Marketplace.Matching.Tests.Taxonomy;

/// <summary>
/// The admins' overlay through the real pages and the real pipeline: a queued unknown mention made an alias on one server is used
/// by a second server (another host on the same database) and rematches the profile that wrote it; invalid changes are refused
/// with the conflict named and nothing stored.
/// </summary>
public sealed class TaxonomyOverlayTests(ManualBackgroundWorkFixture fixture) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    private const string Mention = "Zappa Streams";

    public async Task InitializeAsync()
    {
        await fixture.StopOtherAppsAsync();
        await fixture.ResetAsync();
    }

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_queued_mention_made_an_alias_on_one_server_reaches_the_second_and_rematches_the_profile_that_wrote_it()
    {
        SkillTaxonomy.Embedded.Normalize(Mention).ShouldBeEmpty("the test needs a mention nobody knows yet");
        var first = fixture.StartApp(new AppOptions());
        var second = fixture.StartApp(new AppOptions());
        var seeker = Guid.NewGuid();
        var posting = Events.Posting(Guid.NewGuid(), 1, [("kafka", true), ("csharp", true)]);
        await PublishAsync(first, "jobs", Events.Published(posting));
        var profile = Events.Profile(seeker, 1, [("csharp", 4)]) with { UnrecognisedSkills = [new UnrecognisedSkillData(Mention, 4)] };
        await PublishAsync(first, "profiles", profile);
        // The same profile again (a redelivery, a new revision): one place, counted once.
        await PublishAsync(first, "profiles", profile with { EventId = Guid.NewGuid(), Revision = 2 });
        await first.WaitForBackgroundWorkAsync();

        var before = (await MatchesAsync(second, seeker)).Items.ShouldHaveSingleItem();
        before.Summary.Missing.ShouldContain("Apache Kafka");
        var queued = (await SendAsync(first, new ListUnknownMentions())).ShouldHaveSingleItem();
        queued.Text.ShouldBe(Mention);
        queued.Sightings.ShouldBe(1);
        queued.Examples.ShouldHaveSingleItem().Source.ShouldBe(UnknownMentionOrigin.Profile);

        var admin = await AdminBrowserAsync(first);
        var queue = await admin.GetStringAsync("/Admin/Taxonomy/Mentions");
        queue.ShouldContain($"“{Mention}”");
        using (var made = await ApiAccess.SubmitFormAsync(admin, "/Admin/Taxonomy/Mentions", "",
                   new Dictionary<string, string> { ["key"] = queued.Key, ["resolution"] = "Alias", ["skillId"] = "Apache Kafka" }))
        {
            made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The second server hears of it from the change feed (it did not handle the request).
        var overlayPosition = await first.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().TaxonomyOverlay.MaxAsync(e => e.Position));
        var engine = second.Services.GetRequiredService<MatchingEngine>();
        var skills = second.Services.GetRequiredService<ISkillsFacade>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((engine.Applied < overlayPosition || skills.Normalize(Mention).Count == 0) && DateTime.UtcNow < deadline) await Task.Delay(25);
        engine.Applied.ShouldBeGreaterThanOrEqualTo(overlayPosition);
        skills.Normalize(Mention).ShouldHaveSingleItem().Id.ShouldBe("kafka");
        engine.Taxonomy.NormalizeOne(Mention)!.Id.ShouldBe("kafka");

        await first.WaitForBackgroundWorkAsync();
        var after = (await MatchesAsync(second, seeker)).Items.ShouldHaveSingleItem();
        after.Summary.Matched.ShouldContain("Apache Kafka");
        after.Summary.Missing.ShouldNotContain("Apache Kafka");
        after.Score.ShouldBeGreaterThan(before.Score);
        // Stored, not only computed: the candidates list the posting's employer reads has the new score too.
        var candidates = await second.InScopeAsync(s => s.GetRequiredService<IMatchingFacade>().CandidatesOfPostingAsync(posting.PostingId, null, 1, 10, CancellationToken.None));
        candidates.Page!.Items.ShouldHaveSingleItem().Score.ShouldBe(after.Score);
        (await SendAsync(second, new ListUnknownMentions())).ShouldBeEmpty();
        first.BackgroundWork().Failed.ShouldBe(0);
    }

    [Fact]
    public async Task An_invalid_change_is_refused_with_a_message_naming_the_conflict_and_nothing_is_stored()
    {
        var app = fixture.StartApp(new AppOptions());
        var admin = await AdminBrowserAsync(app);

        using var duplicate = await ApiAccess.SubmitFormAsync(admin, "/Admin/Taxonomy", "Alias", new Dictionary<string, string> { ["SkillId"] = "kafka", ["Alias"] = "k8s" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());
        page.ShouldContain("data-testid=\"error-alias-alias\"");
        page.ShouldContain("'k8s' (normalized 'k8s') is already an alias of 'kubernetes'");

        // aspnet-core implies csharp: csharp implying aspnet-core would close a cycle.
        SkillTaxonomy.Embedded.ImpliedBy(SkillTaxonomy.Embedded.Find("aspnet-core")!).ShouldContain(SkillTaxonomy.Embedded.Find("csharp")!.Index);
        using var cycle = await ApiAccess.SubmitFormAsync(admin, "/Admin/Taxonomy", "Implication", new Dictionary<string, string> { ["SkillId"] = "C#", ["ImpliedId"] = "aspnet-core" });
        cycle.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cyclePage = WebUtility.HtmlDecode(await cycle.Content.ReadAsStringAsync());
        cyclePage.ShouldContain("data-testid=\"error-implication-impliedid\"");
        cyclePage.ShouldContain("implication cycle csharp -> aspnet-core");

        var unknown = await FormErrorsAsync(admin, "Merge", new() { ["FromId"] = "kafka", ["IntoId"] = "no-such-skill" });
        unknown.ShouldContain("data-testid=\"error-merge-intoid\"");
        unknown.ShouldContain("Unknown skill id 'no-such-skill'");
        var blank = await FormErrorsAsync(admin, "Alias", new() { ["SkillId"] = "kafka", ["Alias"] = " " });
        blank.ShouldContain("data-testid=\"error-alias-alias\"");
        var similarity = await FormErrorsAsync(admin, "Relation", new() { ["SkillId"] = "kafka", ["OtherId"] = "rabbitmq", ["Similarity"] = "1.5" });
        similarity.ShouldContain("data-testid=\"error-relation-similarity\"");

        (await app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().TaxonomyOverlay.CountAsync())).ShouldBe(0);

        // A valid change passes, and the next check sees it: the same alias for another skill is now the conflict.
        using (var valid = await ApiAccess.SubmitFormAsync(admin, "/Admin/Taxonomy", "Alias", new Dictionary<string, string> { ["SkillId"] = "kafka", ["Alias"] = "zappa bus" }))
        {
            valid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var again = await FormErrorsAsync(admin, "Alias", new() { ["SkillId"] = "rabbitmq", ["Alias"] = "Zappa Bus" });
        again.ShouldContain("already an alias of 'kafka'");
        (await app.InScopeAsync(s => s.GetRequiredService<MatchingDbContext>().TaxonomyOverlay.CountAsync())).ShouldBe(1);
        // The search reads this process's taxonomy, which takes the change from the feed within a moment.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string found;
        while (!(found = await admin.GetStringAsync("/Admin/Taxonomy?q=zappa")).Contains("data-skill-id=\"kafka\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        found.ShouldContain("data-skill-id=\"kafka\"");
    }

    private static async Task<string> FormErrorsAsync(HttpClient admin, string handler, Dictionary<string, string> fields)
    {
        using var response = await ApiAccess.SubmitFormAsync(admin, "/Admin/Taxonomy", handler, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"the {handler} form answers with its messages");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> AdminBrowserAsync(MarketplaceApp app)
    {
        var email = $"taxonomy.admin.{Guid.NewGuid():N}@example.com";
        await app.CreateAccountAsync(email, Roles.Admin);
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, email);
        return browser;
    }

    private static Task<T> SendAsync<T>(MarketplaceApp app, IQuery<T> query) =>
        app.InScopeAsync(async s => await s.GetRequiredService<ISender>().Send(query));
}
