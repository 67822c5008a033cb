using System.Reflection;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.ArchitectureTests;

/// <summary>
/// How the host is composed, as functions from what was composed to a list of problems: CompositionTests runs them over
/// the real host (each list must be empty) and over deliberate mistakes (each must name the mistake).
/// </summary>
internal static class Composition
{
    private static readonly Type[] MediatorHandlerInterfaces =
    [
        typeof(Mediator.ICommandHandler<,>), typeof(Mediator.ICommandHandler<>), typeof(Mediator.IQueryHandler<,>),
        typeof(Mediator.IRequestHandler<,>), typeof(Mediator.IRequestHandler<>), typeof(Mediator.INotificationHandler<>),
        typeof(Mediator.IStreamCommandHandler<,>), typeof(Mediator.IStreamQueryHandler<,>), typeof(Mediator.IStreamRequestHandler<,>),
    ];

    public static IEnumerable<Type> MediatorHandlerInterfacesOf(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType && MediatorHandlerInterfaces.Contains(i.GetGenericTypeDefinition()));

    public static bool IsMediatorHandler(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && MediatorHandlerInterfacesOf(type).Any();

    /// <summary>The handler classes a service collection registers (what the generated mediator added).</summary>
    public static IReadOnlyList<Type> RegisteredMediatorHandlers(IEnumerable<ServiceDescriptor> services) =>
        [.. services.SelectMany(d => new[] { d.ServiceType, d.ImplementationType }).OfType<Type>().Where(IsMediatorHandler).Distinct()];

    /// <summary>Concrete types of every module assembly.</summary>
    public static IEnumerable<Type> TypesOf(IEnumerable<ModuleDescriptor> modules) =>
        modules.SelectMany(m => m.Assemblies).Distinct().SelectMany(a => a.GetTypes());

    /// <summary>
    /// The generated mediator and the descriptors agree: every handler it registered belongs to a module, and so does the
    /// message it handles (the unit of work opens the transaction of the message's module), both the same module.
    /// </summary>
    public static IReadOnlyList<string> MediatorHandlersOutsideTheirModule(IEnumerable<Type> registeredHandlers, IReadOnlyList<ModuleDescriptor> modules)
    {
        var problems = new List<string>();
        foreach (var handler in registeredHandlers)
        {
            var owner = modules.FirstOrDefault(m => m.Owns(handler));
            foreach (var message in MediatorHandlerInterfacesOf(handler).Select(i => i.GetGenericArguments()[0]).Distinct())
            {
                var messageOwner = modules.FirstOrDefault(m => m.Owns(message));
                if (owner is null || messageOwner is null)
                {
                    problems.Add($"{handler.FullName} handles {message.Name}, which no module's descriptor covers ({handler.Assembly.GetName().Name})");
                }
                else if (owner != messageOwner)
                {
                    problems.Add($"{handler.FullName} in {owner} handles {message.Name} of {messageOwner}");
                }
            }
        }

        return problems;
    }

    /// <summary>Every handler class in a module's assemblies is one the generated mediator registered.</summary>
    public static IReadOnlyList<string> UnregisteredMediatorHandlers(IEnumerable<Type> registeredHandlers, IReadOnlyList<ModuleDescriptor> modules)
    {
        var registered = registeredHandlers.ToHashSet();
        return [.. TypesOf(modules).Where(IsMediatorHandler).Where(t => !registered.Contains(t)).Select(t => $"{t.FullName} is not registered by the generated mediator")];
    }

    /// <summary>
    /// Every command returns a Result (the unit of work, which opens the transaction, saves and writes the outbox, only runs
    /// for those), and no message is a plain request, which would skip it too.
    /// </summary>
    public static IReadOnlyList<string> CommandsNotReturningResult(IEnumerable<Type> types)
    {
        var problems = new List<string>();
        foreach (var type in types.Where(t => t is { IsAbstract: false, IsInterface: false }))
        {
            if (typeof(Mediator.IBaseRequest).IsAssignableFrom(type) || typeof(Mediator.IBaseStreamRequest).IsAssignableFrom(type))
            {
                problems.Add($"{type.FullName} is a request: make it a command (a change) or a query (a read)");
            }
            else if (typeof(Mediator.IBaseStreamCommand).IsAssignableFrom(type))
            {
                problems.Add($"{type.FullName} is a streaming command, which the unit of work cannot wrap");
            }
            else if (typeof(Mediator.IBaseCommand).IsAssignableFrom(type))
            {
                var response = type.GetInterfaces()
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Mediator.ICommand<>))?.GetGenericArguments()[0];
                if (response is null || !typeof(Result).IsAssignableFrom(response))
                {
                    problems.Add($"{type.FullName} returns {response?.Name ?? "nothing"}, not a Result: it would get no transaction, no save and no outbox");
                }
            }
        }

        return problems;
    }

    /// <summary>Each service type resolves from a scope; a missing dependency is named.</summary>
    public static IReadOnlyList<string> UnresolvableServices(IServiceProvider scoped, IEnumerable<Type> serviceTypes)
    {
        var problems = new List<string>();
        foreach (var type in serviceTypes.Distinct())
        {
            try
            {
                if (scoped.GetService(type) is null)
                {
                    problems.Add($"{type.FullName} is not registered");
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or TargetInvocationException)
            {
                problems.Add($"{type.FullName}: {exception.GetBaseException().Message}");
            }
        }

        return problems;
    }

    /// <summary>Every integration-event handler class is what the container gives for each event it handles.</summary>
    public static IReadOnlyList<string> UnregisteredIntegrationEventHandlers(IServiceProvider scoped, IEnumerable<Type> handlerTypes)
    {
        var problems = new List<string>();
        foreach (var handler in handlerTypes)
        {
            foreach (var handled in ModuleDescriptor.HandledEvents(handler))
            {
                var registered = scoped.GetServices(typeof(IIntegrationEventHandler<>).MakeGenericType(handled)).Select(h => h!.GetType());
                if (!registered.Contains(handler))
                {
                    problems.Add($"{handler.FullName} is not registered for {handled.Name}: its events would never reach it");
                }
            }
        }

        return problems;
    }

    public static IEnumerable<Type> IntegrationEventHandlerTypes(IEnumerable<Type> types) =>
        types.Where(t => t is { IsClass: true, IsAbstract: false } && ModuleDescriptor.HandledEvents(t).Any());

    /// <summary>The module folders under src/Modules, each with the project folders it holds.</summary>
    public static IReadOnlyList<(string Folder, string[] Projects)> ModuleFolders(string modulesRoot) =>
        [.. Directory.EnumerateDirectories(modulesRoot).Order(StringComparer.Ordinal).Select(folder => (
            Path.GetFileName(folder),
            Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).OfType<string>().ToArray()))];

    /// <summary>Every module folder has a descriptor in the host, every project in it is one of that module's layers, and back.</summary>
    public static IReadOnlyList<string> UncoveredModuleFolders(IEnumerable<(string Folder, string[] Projects)> folders, IReadOnlyList<ModuleDescriptor> modules)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        foreach (var (folder, projects) in folders)
        {
            seen.Add(folder);
            var module = modules.FirstOrDefault(m => m.Title == folder);
            if (module is null)
            {
                problems.Add($"src/Modules/{folder} has no descriptor in the host's module list");
                continue;
            }

            var layers = Enum.GetValues<ModuleLayer>().Select(l => ModuleDescriptor.AssemblyName(folder, l)).ToArray();
            problems.AddRange(projects.Except(layers).Select(p => $"src/Modules/{folder}/{p} is not one of the module's five layers"));
            problems.AddRange(layers.Except(projects).Select(l => $"src/Modules/{folder} has no project {l}"));
        }

        problems.AddRange(modules.Where(m => !seen.Contains(m.Title)).Select(m => $"the descriptor {m.Title} has no folder src/Modules/{m.Title}"));
        return problems;
    }

    /// <summary>The schema a descriptor names is the one its DbContext maps.</summary>
    public static IReadOnlyList<string> SchemaMismatches(IServiceProvider scoped, IEnumerable<ModuleDescriptor> modules) =>
        [.. modules
            .Select(m => (Module: m, Context: (ModuleDbContext)scoped.GetRequiredService(m.DbContext)))
            .Where(x => x.Context.Schema != x.Module.Schema || x.Context.Model.GetDefaultSchema() != x.Module.Schema)
            .Select(x => $"{x.Module.Title} names the schema {x.Module.Schema}, its {x.Module.DbContext.Name} maps {x.Context.Schema}")];

    /// <summary>Every declared API scope is registered with the authorization server and has its policy.</summary>
    public static async Task<IReadOnlyList<string>> ScopesWithoutPolicyAsync(
        IAuthorizationPolicyProvider policies, IReadOnlySet<string> serverScopes, IEnumerable<ApiScope> declared)
    {
        var problems = new List<string>();
        foreach (var scope in declared)
        {
            if (!serverScopes.Contains(scope.Name))
            {
                problems.Add($"the scope {scope.Name} is not registered with the authorization server");
            }

            if (await policies.GetPolicyAsync(scope.Policy) is null)
            {
                problems.Add($"the scope {scope.Name} has no policy {scope.Policy}");
            }
        }

        return problems;
    }
}
