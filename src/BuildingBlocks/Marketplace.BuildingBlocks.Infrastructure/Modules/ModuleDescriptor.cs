using System.Reflection;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;

namespace Marketplace.BuildingBlocks.Infrastructure.Modules;

/// <summary>
/// What the shared machinery needs to know about a module: its name, its schema, its DbContext and the assemblies whose
/// commands and integration event handlers belong to it.
/// </summary>
public sealed record ModuleDescriptor(string Name, string Schema, Type DbContextType, IReadOnlyList<Assembly> Assemblies)
{
    public bool Owns(Type type) => Assemblies.Contains(type.Assembly);
}

/// <summary>Every module the host composed; filled by the AddXModule extension methods.</summary>
public sealed class ModuleCatalog
{
    private readonly List<ModuleDescriptor> _modules = [];

    public IReadOnlyList<ModuleDescriptor> Modules => _modules;

    public void Add(ModuleDescriptor module)
    {
        if (_modules.Any(m => m.Name == module.Name))
        {
            throw new InvalidOperationException($"Module '{module.Name}' is registered twice.");
        }

        _modules.Add(module);
    }

    public ModuleDescriptor Get(string name) =>
        _modules.FirstOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"No module named '{name}'.");

    public ModuleDescriptor OwnerOf(Type type) =>
        _modules.FirstOrDefault(m => m.Owns(type))
        ?? throw new InvalidOperationException($"{type.FullName} belongs to no registered module; list its assembly in the module's descriptor.");

    public ModuleDbContext ResolveContext(IServiceProvider services, ModuleDescriptor module) =>
        services.GetService(module.DbContextType) as ModuleDbContext
        ?? throw new InvalidOperationException($"{module.DbContextType.Name} is not registered.");
}
