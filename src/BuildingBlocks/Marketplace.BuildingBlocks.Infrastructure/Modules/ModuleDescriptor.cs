using System.Reflection;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;

namespace Marketplace.BuildingBlocks.Infrastructure.Modules;

/// <summary>The five projects of a module, named Marketplace.{Title}.{Layer}.</summary>
public enum ModuleLayer
{
    Domain,
    Application,
    Infrastructure,
    Web,
    Contracts,
}

/// <summary>
/// Everything the shared machinery knows about a module, declared once in the module's XModule.cs. The host composes
/// the descriptors it lists; the module catalog, the unit of work, the relay and delivery, the generated mediator's
/// composition tests, the architecture tests and the test fixtures all read them.
/// </summary>
/// <remarks>
/// Commands, handlers, validators and integration-event handlers are found in the module's assemblies, so a module
/// never registers them by hand; <see cref="Services"/> adds only what is the module's own (repositories, options,
/// facades for other modules).
/// </remarks>
public sealed class ModuleDescriptor
{
    private readonly Lazy<IReadOnlyDictionary<ModuleLayer, Assembly>> _layers;

    public ModuleDescriptor() => _layers = new(LoadLayers);

    /// <summary>The folder under src/Modules and the assembly prefix: "Jobs" is Marketplace.Jobs.*.</summary>
    public required string Title { get; init; }

    /// <summary>The catalog key, used in job names and logs: the title in lower case.</summary>
    public string Name => Title.ToLowerInvariant();

    /// <summary>The PostgreSQL schema the module owns; its DbContext maps every table there.</summary>
    public required string Schema { get; init; }

    /// <summary>The module's <see cref="ModuleDbContext"/>: its tables, outbox and inbox, and the unit of work's transaction.</summary>
    public required Type DbContext { get; init; }

    /// <summary>The OAuth scopes of the module's API; the identity module turns each into a registered scope and a policy.</summary>
    public IReadOnlyList<ApiScope> ApiScopes { get; init; } = [];

    /// <summary>
    /// Whether tests empty the schema between tests (Respawn). False for a schema whose rows the host seeds at start-up
    /// and needs afterwards (the identity module's roles, clients and data-protection keys).
    /// </summary>
    public bool ResetBetweenTests { get; init; } = true;

    /// <summary>The module's own registrations; runs after the shared ones (DbContext, validators, event handlers).</summary>
    public Action<IHostApplicationBuilder>? Services { get; init; }

    /// <summary>
    /// For a module that lives in a namespace of an assembly it shares (the building blocks' toy modules in their tests):
    /// it owns only the types under this namespace. Null for a real module, which owns its five assemblies.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>The layers' assemblies when they are not named Marketplace.{Title}.{Layer} (tests); null loads them by name.</summary>
    public IReadOnlyDictionary<ModuleLayer, Assembly>? LayerAssemblies { get; init; }

    public IReadOnlyDictionary<ModuleLayer, Assembly> Layers => _layers.Value;

    public IReadOnlyList<Assembly> Assemblies => [.. Layers.Values.Distinct()];

    public Assembly Layer(ModuleLayer layer) => Layers[layer];

    public bool Owns(Type type) =>
        Layers.Values.Contains(type.Assembly)
        && (Namespace is null || type.Namespace == Namespace || type.Namespace?.StartsWith(Namespace + ".", StringComparison.Ordinal) == true);

    /// <summary>The concrete integration-event handlers in the module's assemblies, registered for every event they handle.</summary>
    public IReadOnlyList<Type> IntegrationEventHandlers => [.. ConcreteTypes().Where(t => HandledEvents(t).Any())];

    /// <summary>The integration events a handler type handles.</summary>
    public static IEnumerable<Type> HandledEvents(Type handlerType) =>
        handlerType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
            .Select(i => i.GetGenericArguments()[0]);

    public static string AssemblyName(string title, ModuleLayer layer) => $"Marketplace.{title}.{layer}";

    public override string ToString() => Title;

    private IEnumerable<Type> ConcreteTypes() =>
        Assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && Owns(t));

    private IReadOnlyDictionary<ModuleLayer, Assembly> LoadLayers()
    {
        if (!typeof(ModuleDbContext).IsAssignableFrom(DbContext))
        {
            throw new InvalidOperationException($"Module {Title}: {DbContext.Name} is not a {nameof(ModuleDbContext)}.");
        }

        if (LayerAssemblies is { } given)
        {
            return given.Count == Enum.GetValues<ModuleLayer>().Length && given[ModuleLayer.Infrastructure] == DbContext.Assembly
                ? given
                : throw new InvalidOperationException($"Module {Title}: name an assembly for each layer, {DbContext.Name}'s as Infrastructure.");
        }

        var layers = new Dictionary<ModuleLayer, Assembly>();
        foreach (var layer in Enum.GetValues<ModuleLayer>())
        {
            var name = AssemblyName(Title, layer);
            try
            {
                layers[layer] = Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException exception)
            {
                throw new InvalidOperationException($"Module {Title}: its {layer} project {name} is not part of this host (add a ProjectReference).", exception);
            }
        }

        if (layers[ModuleLayer.Infrastructure] != DbContext.Assembly)
        {
            throw new InvalidOperationException($"Module {Title}: {DbContext.Name} must live in {AssemblyName(Title, ModuleLayer.Infrastructure)}.");
        }

        return layers;
    }
}
