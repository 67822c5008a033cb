using System.Reflection;

namespace Marketplace.BuildingBlocks.Application;

/// <summary>
/// The name an integration event is stored under in outboxes and delivery jobs, e.g. "jobs.posting-published". It is
/// history: keep it when the record is renamed or moved, and never give it to another event.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string? NameOf(Type eventType) => eventType.GetCustomAttribute<IntegrationEventAttribute>()?.Name;
}

/// <summary>
/// The name a handler is recorded under in its module's inbox, e.g. "courses.count-skill-demand". The inbox key is
/// (event id, this name): keep it when the class is renamed, or a redelivered event would take effect a second time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventHandlerAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string? NameOf(Type handlerType) => handlerType.GetCustomAttribute<IntegrationEventHandlerAttribute>()?.Name;
}
