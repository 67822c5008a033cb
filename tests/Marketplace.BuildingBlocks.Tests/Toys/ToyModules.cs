using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;

namespace Marketplace.BuildingBlocks.Tests.Toys;

public static class ToyModules
{
    /// <summary>A toy module: every layer is this test assembly, and the module owns one namespace of it.</summary>
    public static ModuleDescriptor Describe(string title, string schema, Type dbContext, string? ownNamespace = null) => new()
    {
        Title = title,
        Schema = schema,
        DbContext = dbContext,
        Namespace = ownNamespace ?? dbContext.Namespace,
        LayerAssemblies = Enum.GetValues<ModuleLayer>().ToDictionary(layer => layer, _ => typeof(NoteWritten).Assembly),
    };
}

/// <summary>Faults a test injects into the Tallies handler, after it has counted (so a rollback must undo the count).</summary>
public sealed class ToyFaults
{
    private int _failuresLeft;

    /// <summary>Notes whose events fail every time, until <see cref="Heal"/>.</summary>
    public Func<NoteWritten, bool> AlwaysFailing { get; set; } = _ => false;

    public int Failures => _failures;

    private int _failures;

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public void Heal()
    {
        AlwaysFailing = _ => false;
        Interlocked.Exchange(ref _failuresLeft, 0);
    }

    public void AfterCounting(NoteWritten integrationEvent)
    {
        if (AlwaysFailing(integrationEvent) || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException($"Simulated failure after counting note {integrationEvent.NoteId}.");
        }
    }
}
