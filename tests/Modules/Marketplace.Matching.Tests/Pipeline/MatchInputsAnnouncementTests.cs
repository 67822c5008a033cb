using System.Text.Json;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.Matching.Tests.MatchingHost;

namespace Marketplace.Matching.Tests.Pipeline;

/// <summary>
/// A delivery of many projection changes announces one MatchInputsChanged, at the last position it wrote (the lists are stored
/// up to a position, so the earlier ones would only cost rows, relays and handler runs), and the lists still come out whole.
/// </summary>
public sealed class MatchInputsAnnouncementTests(ManualBackgroundWorkFixture fixture) : IClassFixture<ManualBackgroundWorkFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await fixture.StopOtherAppsAsync();
        await fixture.ResetAsync();
    }

    public Task DisposeAsync() => fixture.StopOtherAppsAsync();

    [Fact]
    public async Task A_delivery_of_five_postings_stores_one_announcement_at_the_last_position_and_every_posting_reaches_the_list()
    {
        var app = fixture.StartApp(new AppOptions());
        var profile = Events.Profile(Guid.NewGuid(), 1, [("csharp", 4), ("postgresql", 4)]);
        await PublishAsync(app, "profiles", profile);
        await app.WaitForBackgroundWorkAsync();
        var postings = Enumerable.Range(0, 5).Select(i => Events.Posting(Guid.NewGuid(), 1, [("csharp", true), ("postgresql", false)], title: $"Posting {i}")).ToList();

        await PublishAsync(app, "jobs", [.. postings.Select(Events.Published)]);
        await app.WaitForBackgroundWorkAsync();

        var (announced, last) = await app.InScopeAsync(async services =>
        {
            var context = services.GetRequiredService<MatchingDbContext>();
            var payloads = await context.OutboxMessages.Where(m => m.Type == "matching.match-inputs-changed").OrderBy(m => m.OccurredAt).Select(m => m.Payload).ToListAsync();
            var last = await context.Database.SqlQuery<long>($"""SELECT max(sequence) AS "Value" FROM matching.postings""").SingleAsync();
            return (payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("sequence").GetInt64()).ToList(), last);
        });
        announced.Count.ShouldBe(2, "one for the profile's delivery, one for the five postings'");
        announced[^1].ShouldBe(last);
        (await MatchesAsync(app, profile.ProfileId)).Items.Select(m => m.PostingId).ShouldBe(postings.Select(p => p.PostingId), ignoreOrder: true);
        app.BackgroundWork().Failed.ShouldBe(0);
    }
}
