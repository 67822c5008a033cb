using Marketplace.Web.Hosting;

namespace Marketplace.Testing;

/// <summary>Every API scope the host's modules declare, for tests that ask for all of them.</summary>
public static class AllApiScopes
{
    public static IReadOnlyList<string> Names { get; } = [.. HostModules.All.SelectMany(m => m.ApiScopes).Select(s => s.Name)];

    /// <summary>The scopes an employer's API client may be given (the others need a user in another role).</summary>
    public static IReadOnlyList<string> ForApiClients { get; } =
        [.. HostModules.All.SelectMany(m => m.ApiScopes).Where(s => s.OpenToApiClients).Select(s => s.Name)];
}
