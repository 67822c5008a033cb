using System.Reflection;

namespace Marketplace.ArchitectureTests;

/// <summary>The modules and layers the rules speak of, loaded from the host's output folder.</summary>
internal static class Modules
{
    public static readonly string[] Names = ["Profiles", "Jobs", "Courses", "Identity"];

    public static readonly string[] Layers = ["Domain", "Application", "Infrastructure", "Web", "Contracts"];

    public static Assembly Load(string module, string layer) => Assembly.Load($"Marketplace.{module}.{layer}");

    public static IEnumerable<object[]> Each() => Names.Select(m => new object[] { m });

    /// <summary>The namespaces of another module that this module may not see: all but its Contracts.</summary>
    public static string[] InternalsOfOtherModules(string module) =>
        Names.Where(other => other != module)
             .SelectMany(other => Layers.Where(l => l != "Contracts").Select(l => $"Marketplace.{other}.{l}"))
             .ToArray();
}
