namespace Marketplace.BuildingBlocks.Application.Modules;

/// <summary>
/// An OAuth scope of the public API, declared by the module that serves it. The identity module registers every declared
/// scope with the authorization server and makes a policy of it (<see cref="Policy"/>): a bearer token carrying the scope,
/// of a user in <see cref="RequiredRole"/> when one is named.
/// </summary>
public sealed record ApiScope(string Name, string Description, string? RequiredRole = null)
{
    public const string PolicyPrefix = "Api:";

    /// <summary>The name of the authorization policy an endpoint requires for this scope, e.g. "Api:jobs:read".</summary>
    public string Policy => PolicyPrefix + Name;

    public static string PolicyFor(string scope) => PolicyPrefix + scope;

    /// <summary>API clients belong to employers: a scope that needs another role would give their tokens nothing.</summary>
    public bool OpenToApiClients => RequiredRole is null or Roles.Employer;
}

/// <summary>Every API scope the composed modules declare, in declaration order.</summary>
public interface IApiScopes
{
    IReadOnlyList<ApiScope> All { get; }

    bool IsDeclared(string scope);
}

public static class ApiScopesExtensions
{
    /// <summary>The scopes an employer's API client may be given (client credentials).</summary>
    public static IEnumerable<ApiScope> ForApiClients(this IApiScopes scopes) => scopes.All.Where(s => s.OpenToApiClients);
}
