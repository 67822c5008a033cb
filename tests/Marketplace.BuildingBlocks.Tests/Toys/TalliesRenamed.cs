using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.BuildingBlocks.Tests.Toys.Tallies;

namespace Marketplace.BuildingBlocks.Tests.Toys.TalliesRenamed;

// The Tallies module after a refactoring: its handler class has another name and namespace, its stored name is kept.
// A host composes either this or Tallies, never both.

[IntegrationEventHandler("tallies.count-note")]
public sealed class TallyEachWrittenNote(TalliesDbContext db, ToyFaults faults) : IIntegrationEventHandler<NoteWritten>
{
    public async Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        await db.CountAsync(integrationEvent.NoteId, cancellationToken);
        faults.AfterCounting(integrationEvent);
    }
}

public static class TalliesRenamedModule
{
    public static ModuleDescriptor Descriptor { get; } =
        ToyModules.Describe("Tallies", TalliesDbContext.SchemaName, typeof(TalliesDbContext), typeof(TallyEachWrittenNote).Namespace!);
}
