using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Identity.Application.ApiClients;

public sealed record ApiClientSummary(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

/// <summary>A new client: the secret is shown once and never stored in clear.</summary>
public sealed record CreatedApiClient(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes);

/// <summary>An employer's OAuth clients (client credentials) for their ATS integrations.</summary>
public interface IApiClients
{
    Task<IReadOnlyList<ApiClientSummary>> ListAsync(Guid ownerId, CancellationToken cancellationToken);

    Task<Result<CreatedApiClient>> CreateAsync(Guid ownerId, string? displayName, IReadOnlyList<string> scopes, CancellationToken cancellationToken);

    /// <summary>Deletes the client and revokes its tokens; NotFound when it is not the owner's.</summary>
    Task<Result> DeleteAsync(Guid ownerId, string clientId, CancellationToken cancellationToken);

    /// <summary>The employer a client acts for, or null when it is not an employer's client.</summary>
    Task<Guid?> OwnerOfAsync(string clientId, CancellationToken cancellationToken);
}
