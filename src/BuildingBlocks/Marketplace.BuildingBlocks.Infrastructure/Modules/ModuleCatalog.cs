using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;

namespace Marketplace.BuildingBlocks.Infrastructure.Modules;

/// <summary>Every module the host composed, in the order it listed them; filled by <c>AddModules</c>.</summary>
public sealed class ModuleCatalog : IApiScopes
{
    private readonly List<ModuleDescriptor> _modules = [];

    public IReadOnlyList<ModuleDescriptor> Modules => _modules;

    IReadOnlyList<ApiScope> IApiScopes.All => [.. _modules.SelectMany(m => m.ApiScopes)];

    public void Add(ModuleDescriptor module)
    {
        var clash = _modules.FirstOrDefault(m => m.Name == module.Name || m.Schema == module.Schema || m.DbContext == module.DbContext);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Module '{module.Title}' clashes with '{clash.Title}': names, schemas and DbContexts are one per module.");
        }

        var scopes = _modules.SelectMany(m => m.ApiScopes).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (module.ApiScopes.FirstOrDefault(s => !scopes.Add(s.Name)) is { } duplicate)
        {
            throw new InvalidOperationException($"Module '{module.Title}' declares the API scope '{duplicate.Name}' again.");
        }

        _modules.Add(module);
    }

    public bool IsDeclared(string scope) => _modules.Any(m => m.ApiScopes.Any(s => s.Name == scope));

    public ModuleDescriptor Get(string name) =>
        _modules.FirstOrDefault(m => m.Name == name) ?? throw new InvalidOperationException($"No module named '{name}'.");

    public ModuleDescriptor? FindOwnerOf(Type type) => _modules.FirstOrDefault(m => m.Owns(type));

    public ModuleDescriptor OwnerOf(Type type) =>
        FindOwnerOf(type)
        ?? throw new InvalidOperationException($"{type.FullName} belongs to no registered module; add its module's descriptor to the host's list.");

    public ModuleDbContext ResolveContext(IServiceProvider services, ModuleDescriptor module) =>
        services.GetService(module.DbContext) as ModuleDbContext
        ?? throw new InvalidOperationException($"{module.DbContext.Name} is not registered.");
}
