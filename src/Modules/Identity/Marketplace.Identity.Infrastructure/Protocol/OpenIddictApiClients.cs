using System.Security.Cryptography;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Application.ApiClients;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure.Protocol;

/// <summary>Employers' client-credentials clients: an OpenIddict application plus a row saying who owns it.</summary>
internal sealed class OpenIddictApiClients(
    IdentityModuleDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IApiScopes apiScopes,
    TimeProvider clock) : IApiClients
{
    public const int MaxClientsPerOwner = 10;

    public async Task<IReadOnlyList<ApiClientSummary>> ListAsync(Guid ownerId, CancellationToken cancellationToken) =>
        await db.ApiClients.AsNoTracking()
            .Where(c => c.OwnerId == ownerId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new ApiClientSummary(c.ClientId, c.DisplayName, c.Scopes, c.CreatedAt))
            .ToListAsync(cancellationToken);

    public async Task<Result<CreatedApiClient>> CreateAsync(Guid ownerId, string? displayName, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(Error.Validation("DisplayName", "Name the client, e.g. the ATS it is for."));
        }
        else if (name.Length > 100)
        {
            errors.Add(Error.Validation("DisplayName", "Use at most 100 characters."));
        }

        var chosen = scopes.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            errors.Add(Error.Validation("Scopes", "Pick at least one scope."));
        }
        else if (chosen.Except(apiScopes.ForApiClients().Select(s => s.Name)).Any())
        {
            errors.Add(Error.Validation("Scopes", $"Scopes are among: {string.Join(", ", apiScopes.ForApiClients().Select(s => s.Name))}."));
        }

        if (errors.Count > 0)
        {
            return Result<CreatedApiClient>.Failure(errors);
        }

        if (await db.ApiClients.CountAsync(c => c.OwnerId == ownerId, cancellationToken) >= MaxClientsPerOwner)
        {
            return Error.Conflict("api_clients.limit", $"You can have at most {MaxClientsPerOwner} API clients; delete one first.");
        }

        var clientId = "mpc_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in chosen)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await applications.CreateAsync(descriptor, cancellationToken);
            db.ApiClients.Add(new ApiClientRecord
            {
                ClientId = clientId,
                OwnerId = ownerId,
                DisplayName = name!,
                Scopes = [.. chosen],
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        return new CreatedApiClient(clientId, secret, chosen);
    }

    public async Task<Result> DeleteAsync(Guid ownerId, string clientId, CancellationToken cancellationToken)
    {
        var record = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId && c.OwnerId == ownerId, cancellationToken);
        if (record is null)
        {
            return Error.NotFound("api_client", clientId);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application)
            {
                var applicationId = await applications.GetIdAsync(application, cancellationToken);
                await foreach (var token in tokens.FindByApplicationIdAsync(applicationId!, cancellationToken))
                {
                    await tokens.DeleteAsync(token, cancellationToken);
                }

                await applications.DeleteAsync(application, cancellationToken);
            }

            db.ApiClients.Remove(record);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return Result.Success();
    }


    public async Task<Guid?> OwnerOfAsync(string clientId, CancellationToken cancellationToken) =>
        await db.ApiClients.AsNoTracking().Where(c => c.ClientId == clientId).Select(c => (Guid?)c.OwnerId).SingleOrDefaultAsync(cancellationToken);
}
