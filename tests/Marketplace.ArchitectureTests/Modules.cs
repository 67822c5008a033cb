using System.Reflection;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Web.Hosting;
using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

/// <summary>The modules and layers the rules speak of: the host's module descriptors, never a list of our own.</summary>
internal static class Modules
{
    public static IReadOnlyList<ModuleDescriptor> All => HostModules.All;

    public static string[] Names => [.. All.Select(m => m.Title)];

    public static readonly string[] Layers = Enum.GetNames<ModuleLayer>();

    /// <summary>
    /// Projects that hold no code yet. Their rules have nothing to check, so they are skipped, and
    /// <see cref="LayerTests.Layers_listed_as_empty_really_are_empty"/> fails as soon as one gets a type: then remove it here.
    /// Every other selection must be non-empty.
    /// </summary>
    public static readonly string[] EmptyLayers = [];

    public static ModuleDescriptor Get(string module) => All.Single(m => m.Title == module);

    public static Assembly Load(string module, string layer) => Get(module).Layer(Enum.Parse<ModuleLayer>(layer));

    public static bool IsListedEmpty(string module, string layer) => EmptyLayers.Contains($"{module}.{layer}");

    /// <summary>Every type of the layer's assembly but the compiler's own, whatever its namespace.</summary>
    public static PredicateList Select(Assembly assembly) => Types.InAssembly(assembly).That().DoNotHaveNameMatching("^<");

    public static PredicateList Select(string module, string layer) => Select(Load(module, layer));

    /// <summary>Why a selection cannot be trusted to check anything, or null when it holds types.</summary>
    public static string? WhyEmpty(PredicateList selection, string what) =>
        selection.GetTypes().Any() ? null : $"the selection of {what} is empty, so every rule over it would pass without checking anything";

    /// <summary>The namespaces of another module that this module may not see: all but its Contracts.</summary>
    public static string[] InternalsOfOtherModules(string module) =>
        Names.Where(other => other != module)
             .SelectMany(other => Layers.Where(l => l != "Contracts").Select(l => $"Marketplace.{other}.{l}"))
             .ToArray();
}
