using System.Collections.Frozen;

namespace Marketplace.Skills.Taxonomy;

/// <summary>A category of skills and whether it belongs to the backend core the marketplace is built around or to the skills next to it.</summary>
public sealed record SkillCategory(string Id, string Name, bool IsBackendCore);

/// <summary>The categories the taxonomy data may use.</summary>
public static class SkillCategories
{
    public static readonly IReadOnlyList<SkillCategory> All =
    [
        new("language", "Programming languages", true),
        new("runtime", "Runtimes and platforms", true),
        new("web-framework", "Back-end and application frameworks", true),
        new("orm", "ORMs, data access and migrations", true),
        new("database", "Databases", true),
        new("cache", "Caches", true),
        new("messaging", "Messaging and streaming", true),
        new("cloud", "Cloud platforms and services", true),
        new("container", "Containers and orchestration", true),
        new("ci-cd", "CI/CD, infrastructure as code and configuration", true),
        new("observability", "Observability", true),
        new("testing", "Testing", true),
        new("security", "Security and identity", true),
        new("architecture", "Architecture and engineering practices", true),
        new("api", "APIs, protocols and web-service styles", true),
        new("tool", "Developer tools and libraries", true),
        new("data", "Data engineering, analytics and ML", true),
        new("os", "Operating systems", true),
        new("mobile", "Mobile platforms and frameworks", false),
        new("frontend", "Front-end frameworks and techniques", false),
        new("design", "UI/UX design and design tools", false),
        new("cms", "Content management and e-commerce platforms", false),
        new("crm", "CRM platforms and their languages", false),
        new("erp", "ERP platforms and their languages", false),
        new("bi", "BI and reporting", false),
        new("mainframe", "Mainframe and midrange", false),
        new("methodology", "Process and methodology", false),
        new("office", "Office and collaboration tools", false),
        new("data-science", "Data science, statistics and scientific computing", false),
        new("embedded", "Embedded, hardware and industrial", false),
        new("game", "Game development and graphics", false),
        new("networking", "Networking and infrastructure", false),
        new("blockchain", "Blockchain", false),
        new("low-code", "Low-code, automation and integration platforms", false),
    ];

    private static readonly FrozenDictionary<string, SkillCategory> ById = All.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);

    /// <summary>The category with this id, or null.</summary>
    public static SkillCategory? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);
}
