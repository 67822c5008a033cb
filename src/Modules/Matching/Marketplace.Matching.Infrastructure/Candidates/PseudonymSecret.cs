using System.Security.Cryptography;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Infrastructure.Candidates;

/// <summary>The one row holding the pseudonyms' secret, sealed with the host's Data Protection keys (never in plain text).</summary>
public sealed class PseudonymSecret
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string Sealed { get; set; } = "";
}

/// <summary>
/// The pseudonyms' secret: made once for the installation (the first server to need it writes it; a racing one reads the winner's),
/// read by every server, kept for the process once read.
/// </summary>
internal sealed class PseudonymSecretSource(IServiceScopeFactory scopes, IDataProtectionProvider protection) : ICandidatePseudonymSource
{
    private readonly IDataProtector _protector = protection.CreateProtector("Marketplace.Matching.CandidatePseudonyms.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CandidatePseudonyms? _pseudonyms;

    public async Task<CandidatePseudonyms> GetAsync(CancellationToken cancellationToken)
    {
        if (_pseudonyms is { } ready) return ready;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _pseudonyms ??= new CandidatePseudonyms(await ReadOrCreateAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> ReadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var stored = await context.PseudonymSecrets.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            var made = Convert.ToBase64String(_protector.Protect(RandomNumberGenerator.GetBytes(32)));
            await context.Database.ExecuteSqlAsync(
                $"INSERT INTO matching.pseudonym_secrets (id, sealed) VALUES ({PseudonymSecret.SingletonId}, {made}) ON CONFLICT (id) DO NOTHING", cancellationToken);
            stored = await context.PseudonymSecrets.AsNoTracking().SingleAsync(cancellationToken);
        }

        return _protector.Unprotect(Convert.FromBase64String(stored.Sealed));
    }
}
