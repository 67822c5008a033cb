using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests.Toys.Tallies;

// A toy module that counts each note it hears of, in toy_tallies: a count of 2 is an event that took effect twice.

public sealed class Tally
{
    public Guid NoteId { get; init; }
    public int Count { get; init; }
}

public sealed class TalliesDbContext(DbContextOptions<TalliesDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "toy_tallies";

    public override string Schema => SchemaName;

    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Tally>(tally =>
        {
            tally.ToTable("tallies");
            tally.HasKey(t => t.NoteId);
        });
    }

    /// <summary>Adds one to the note's count; not idempotent by itself, so the inbox must make it run once.</summary>
    public Task CountAsync(Guid noteId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync(
            $"INSERT INTO toy_tallies.tallies (note_id, count) VALUES ({noteId}, 1) ON CONFLICT (note_id) DO UPDATE SET count = tallies.count + 1",
            cancellationToken);
}

[IntegrationEventHandler("tallies.count-note")]
public sealed class CountNote(TalliesDbContext db, ToyFaults faults) : IIntegrationEventHandler<NoteWritten>
{
    public async Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken)
    {
        await db.CountAsync(integrationEvent.NoteId, cancellationToken);
        faults.AfterCounting(integrationEvent);
    }
}

public static class TalliesModule
{
    public static ModuleDescriptor Descriptor { get; } = ToyModules.Describe("Tallies", TalliesDbContext.SchemaName, typeof(TalliesDbContext));
}
