using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Tests.Messaging;

/// <summary>
/// PublishLatest keeps only the last event of its type in a unit of work (a position that moved many times is stored once),
/// while Publish keeps every event.
/// </summary>
public sealed class PublishLatestTests(ToyFixture fixture) : IClassFixture<ToyFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ResetAsync();

    private static NoteWritten Event(string text) => new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), text);

    private static Task<List<Guid>> FlushedAsync(ToyHost host, Action<IntegrationEventOutbox> publish) => host.InScopeAsync(services =>
    {
        var outbox = services.GetRequiredService<IntegrationEventOutbox>();
        var context = services.GetRequiredService<NotesDbContext>();
        publish(outbox);
        var count = outbox.FlushInto(context);
        var ids = context.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id).ToList();
        ids.Count.ShouldBe(count);
        return Task.FromResult(ids);
    });

    [Fact]
    public async Task Only_the_last_event_published_as_latest_is_stored_and_an_earlier_one_of_its_type_is_dropped()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        NoteWritten first = Event("first"), second = Event("second"), third = Event("third");

        var stored = await FlushedAsync(host, outbox =>
        {
            outbox.Publish(first);
            outbox.PublishLatest(second);
            outbox.PublishLatest(third);
        });

        stored.ShouldBe([third.EventId]);
    }

    [Fact]
    public async Task Events_published_plainly_are_all_stored_also_after_one_published_as_latest()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false, RelayAfterCommit = false });
        NoteWritten latest = Event("latest"), plain = Event("plain"), again = Event("again");

        var stored = await FlushedAsync(host, outbox =>
        {
            outbox.PublishLatest(latest);
            outbox.Publish(plain);
            outbox.Publish(again);
        });

        stored.ShouldBe([latest.EventId, plain.EventId, again.EventId]);
    }
}
