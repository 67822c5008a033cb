using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests.Toys.Misnamed;

// Deliberate naming mistakes, for the tests that show they are refused. Only those tests compose this module.

public sealed record Unnamed(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

[IntegrationEvent("Notes.Written")]
public sealed record BadlyNamed(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

[IntegrationEventHandler("tallies.count-note")]
public sealed class CountsAgain : IIntegrationEventHandler<NoteWritten>
{
    public Task HandleAsync(NoteWritten integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MisnamedDbContext(DbContextOptions<MisnamedDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => "toy_misnamed";
}

public static class MisnamedModule
{
    public static ModuleDescriptor Descriptor { get; } = ToyModules.Describe("Misnamed", "toy_misnamed", typeof(MisnamedDbContext));
}
