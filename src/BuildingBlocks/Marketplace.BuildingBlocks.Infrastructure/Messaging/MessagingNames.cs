using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Modules;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>A handler of an event: its class, its stored name, and the module whose transaction and inbox it runs in.</summary>
public sealed record EventHandlerRegistration(Type HandlerType, string Name, ModuleDescriptor Module);

/// <summary>
/// The stored names of the composed modules' integration events and handlers, set by <see cref="IntegrationEventAttribute"/>
/// and <see cref="IntegrationEventHandlerAttribute"/>, never taken from a CLR name. Built once; the host refuses to start
/// when a name is missing, malformed or given twice.
/// </summary>
public sealed partial class MessagingNames
{
    private readonly Dictionary<string, Type> _events;
    private readonly Dictionary<Type, string> _eventNames;
    private readonly Dictionary<string, EventHandlerRegistration> _handlers;
    private readonly Dictionary<Type, IReadOnlyList<EventHandlerRegistration>> _handlersOf;

    public MessagingNames(ModuleCatalog catalog)
    {
        var handlers = catalog.Modules.SelectMany(m => m.IntegrationEventHandlers.Select(h => (Handler: h, Module: m))).ToList();
        var events = catalog.Modules
            .SelectMany(m => m.Assemblies.SelectMany(a => a.GetTypes()).Where(m.Owns))
            .Concat(handlers.SelectMany(h => ModuleDescriptor.HandledEvents(h.Handler)))
            .Where(IsIntegrationEvent)
            .Distinct()
            .ToList();
        var problems = Problems(events, handlers.Select(h => h.Handler));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Integration event names are not stable: " + string.Join("; ", problems));
        }

        _events = events.ToDictionary(e => IntegrationEventAttribute.NameOf(e)!, StringComparer.Ordinal);
        _eventNames = _events.ToDictionary(e => e.Value, e => e.Key);
        _handlers = handlers.ToDictionary(
            h => IntegrationEventHandlerAttribute.NameOf(h.Handler)!,
            h => new EventHandlerRegistration(h.Handler, IntegrationEventHandlerAttribute.NameOf(h.Handler)!, h.Module),
            StringComparer.Ordinal);
        _handlersOf = _handlers.Values
            .SelectMany(h => ModuleDescriptor.HandledEvents(h.HandlerType).Select(e => (Event: e, Handler: h)))
            .GroupBy(x => x.Event)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EventHandlerRegistration>)[.. g.Select(x => x.Handler).OrderBy(h => h.Name, StringComparer.Ordinal)]);
    }

    public IReadOnlyCollection<string> HandlerNames => _handlers.Keys;

    public string NameOf(Type eventType) =>
        _eventNames.TryGetValue(eventType, out var name) ? name : throw new InvalidOperationException($"{eventType.FullName} is no integration event of a composed module.");

    public Type? FindEvent(string name) => _events.GetValueOrDefault(name);

    public EventHandlerRegistration? FindHandler(string name) => _handlers.GetValueOrDefault(name);

    public IReadOnlyList<EventHandlerRegistration> HandlersOf(Type eventType) => _handlersOf.GetValueOrDefault(eventType) ?? [];

    /// <summary>What makes a set of event and handler types unsafe to store: a missing, malformed or shared name.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<Type> eventTypes, IEnumerable<Type> handlerTypes)
    {
        var problems = new List<string>();
        Check(eventTypes, IntegrationEventAttribute.NameOf, "event", nameof(IntegrationEventAttribute), problems);
        Check(handlerTypes, IntegrationEventHandlerAttribute.NameOf, "handler", nameof(IntegrationEventHandlerAttribute), problems);
        return problems;
    }

    private static void Check(IEnumerable<Type> types, Func<Type, string?> nameOf, string what, string attribute, List<string> problems)
    {
        var named = new List<(Type Type, string Name)>();
        foreach (var type in types.Distinct())
        {
            var name = nameOf(type);
            if (name is null)
            {
                problems.Add($"the {what} {type.FullName} has no [{attribute.Replace("Attribute", "", StringComparison.Ordinal)}(\"module.name\")]");
            }
            else if (!StableName().IsMatch(name))
            {
                problems.Add($"the {what} name '{name}' of {type.FullName} is not lower-case words joined by '.' and '-', starting with the module");
            }
            else
            {
                named.Add((type, name));
            }
        }

        problems.AddRange(named.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"the {what} name '{g.Key}' is given to {string.Join(" and ", g.Select(n => n.Type.FullName))}"));
    }

    private static bool IsIntegrationEvent(Type type) =>
        type is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(type);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex StableName();
}
