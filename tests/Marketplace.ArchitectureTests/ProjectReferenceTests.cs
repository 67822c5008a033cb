using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Marketplace.ArchitectureTests;

/// <summary>
/// NetArchTest sees one assembly at a time and only the types that are used; the project references are the
/// wiring itself, so they are checked from the .csproj files.
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>A project of one of the host's modules, by its descriptor's title and a layer.</summary>
    private static readonly Regex ModuleProjectPattern = new(
        $@"^Marketplace\.(?<module>{string.Join('|', Modules.Names)})\.(?<layer>{string.Join('|', Modules.Layers)})$", RegexOptions.CultureInvariant);

    private static Regex ModuleProject() => ModuleProjectPattern;

    /// <summary>What a project may reference; anything not allowed is a violation.</summary>
    internal static IEnumerable<string> Violations(string project, IEnumerable<string> references)
    {
        var allowed = Allowed(project);
        return allowed is null ? [] : references.Where(r => !allowed(r)).Select(r => $"{project} -> {r}");
    }

    private static Func<string, bool>? Allowed(string project)
    {
        switch (project)
        {
            case "Marketplace.Skills":
            case "Marketplace.BuildingBlocks.Domain":
                return _ => false;
            case "Marketplace.BuildingBlocks.Application":
                return r => r == "Marketplace.BuildingBlocks.Domain";
            case "Marketplace.BuildingBlocks.Infrastructure":
            case "Marketplace.BuildingBlocks.Web":
                return r => r is "Marketplace.BuildingBlocks.Application" or "Marketplace.BuildingBlocks.Domain";
        }

        var match = ModuleProject().Match(project);
        if (!match.Success) return null;
        var module = match.Groups["module"].Value;
        var layer = match.Groups["layer"].Value;

        bool Own(string r, params string[] layers) => layers.Any(l => r == $"Marketplace.{module}.{l}");
        bool OtherContracts(string r) => ModuleProject().Match(r) is { Success: true } m
            && m.Groups["module"].Value != module && m.Groups["layer"].Value == "Contracts";

        return layer switch
        {
            "Domain" => r => r is "Marketplace.BuildingBlocks.Domain" or "Marketplace.Skills",
            "Contracts" => r => r is "Marketplace.BuildingBlocks.Application" or "Marketplace.BuildingBlocks.Domain" or "Marketplace.Skills",
            "Application" => r => Own(r, "Domain", "Contracts") || OtherContracts(r)
                || r is "Marketplace.BuildingBlocks.Application" or "Marketplace.BuildingBlocks.Domain" or "Marketplace.Skills",
            "Infrastructure" => r => Own(r, "Domain", "Application", "Contracts") || OtherContracts(r)
                || r is "Marketplace.BuildingBlocks.Infrastructure" or "Marketplace.BuildingBlocks.Application" or "Marketplace.Skills",
            "Web" => r => Own(r, "Application", "Contracts") || OtherContracts(r)
                || r is "Marketplace.BuildingBlocks.Web" or "Marketplace.BuildingBlocks.Application" or "Marketplace.Skills",
            _ => _ => false,
        };
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above the test output.");
    }

    private static IEnumerable<(string Project, string[] References)> SourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => (
                Path.GetFileNameWithoutExtension(path),
                XDocument.Load(path).Descendants("ProjectReference")
                    .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
                    .ToArray()));

    [Fact]
    public void Every_module_project_is_checked()
    {
        var checkedProjects = SourceProjects().Select(p => p.Project).Where(p => Allowed(p) is not null).ToList();
        checkedProjects.Count.ShouldBe(Modules.Names.Length * Modules.Layers.Length + 5);
    }

    [Fact]
    public void Project_references_follow_the_module_and_layer_rules()
    {
        var violations = SourceProjects().SelectMany(p => Violations(p.Project, p.References)).ToList();
        violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Marketplace.Jobs.Application", "Marketplace.Profiles.Domain")]
    [InlineData("Marketplace.Jobs.Application", "Marketplace.Jobs.Infrastructure")]
    [InlineData("Marketplace.Jobs.Web", "Marketplace.Jobs.Infrastructure")]
    [InlineData("Marketplace.Jobs.Domain", "Marketplace.BuildingBlocks.Infrastructure")]
    [InlineData("Marketplace.Jobs.Contracts", "Marketplace.Jobs.Domain")]
    [InlineData("Marketplace.Courses.Infrastructure", "Marketplace.Jobs.Infrastructure")]
    [InlineData("Marketplace.Skills", "Marketplace.BuildingBlocks.Domain")]
    [InlineData("Marketplace.BuildingBlocks.Domain", "Marketplace.BuildingBlocks.Application")]
    [InlineData("Marketplace.BuildingBlocks.Web", "Marketplace.BuildingBlocks.Infrastructure")]
    [InlineData("Marketplace.Jobs.Application", "Marketplace.BuildingBlocks.Web")]
    public void A_forbidden_reference_is_reported(string project, string reference) =>
        Violations(project, [reference]).ShouldHaveSingleItem();

    [Theory]
    [InlineData("Marketplace.Jobs.Application", "Marketplace.Profiles.Contracts")]
    [InlineData("Marketplace.Jobs.Infrastructure", "Marketplace.BuildingBlocks.Infrastructure")]
    [InlineData("Marketplace.Jobs.Domain", "Marketplace.Skills")]
    [InlineData("Marketplace.Jobs.Web", "Marketplace.BuildingBlocks.Web")]
    public void An_allowed_reference_passes(string project, string reference) =>
        Violations(project, [reference]).ShouldBeEmpty();
}
