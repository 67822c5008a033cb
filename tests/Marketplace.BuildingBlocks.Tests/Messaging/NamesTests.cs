using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.BuildingBlocks.Tests.Toys;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.BuildingBlocks.Tests.Toys.Tallies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.Tests.Messaging;

public sealed class NamesTests(ToyFixture fixture) : IClassFixture<ToyFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => fixture.ResetAsync();

    [Fact]
    public void Names_must_be_set_well_formed_and_given_once()
    {
        MessagingNames.Problems([typeof(NoteWritten)], [typeof(CountNote)]).ShouldBeEmpty();

        var problems = MessagingNames.Problems(
            [typeof(NoteWritten), typeof(Toys.Misnamed.Unnamed), typeof(Toys.Misnamed.BadlyNamed)],
            [typeof(CountNote), typeof(Toys.Misnamed.CountsAgain)]);

        problems.ShouldBe(
            [
                $"the event {typeof(Toys.Misnamed.Unnamed).FullName} has no [IntegrationEvent(\"module.name\")]",
                $"the event name 'Notes.Written' of {typeof(Toys.Misnamed.BadlyNamed).FullName} is not lower-case words joined by '.' and '-', starting with the module",
                $"the handler name 'tallies.count-note' is given to {typeof(CountNote).FullName} and {typeof(Toys.Misnamed.CountsAgain).FullName}",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_host_whose_modules_give_two_handlers_one_name_does_not_start()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => ToyHost.StartAsync(fixture.ConnectionString, new ToyHostOptions
        {
            BackgroundServer = false,
            Modules = [NotesModule.Descriptor, TalliesModule.Descriptor, Toys.Misnamed.MisnamedModule.Descriptor],
        }));

        failure.Message.ShouldContain("the handler name 'tallies.count-note' is given to");
    }

    [Fact]
    public async Task A_name_in_an_inbox_that_no_handler_carries_anymore_is_reported()
    {
        var host = await fixture.StartAsync(new ToyHostOptions { BackgroundServer = false });
        var check = host.Services.GetRequiredService<InboxNameCheck>();
        (await check.UnknownNamesAsync(CancellationToken.None)).ShouldBeEmpty();

        await host.InScopeAsync(async s =>
        {
            var tallies = s.GetRequiredService<TalliesDbContext>();
            tallies.InboxMessages.AddRange(
                new InboxMessage { EventId = Guid.NewGuid(), Handler = "tallies.count-note", ProcessedAt = DateTimeOffset.UtcNow },
                new InboxMessage { EventId = Guid.NewGuid(), Handler = "tallies.count-note-v0", ProcessedAt = DateTimeOffset.UtcNow },
                new InboxMessage { EventId = Guid.NewGuid(), Handler = "Marketplace.Tallies.CountNote", ProcessedAt = DateTimeOffset.UtcNow });
            return await tallies.SaveChangesAsync();
        });

        (await check.UnknownNamesAsync(CancellationToken.None)).ShouldBe(["tallies: Marketplace.Tallies.CountNote", "tallies: tallies.count-note-v0"]);
    }
}
