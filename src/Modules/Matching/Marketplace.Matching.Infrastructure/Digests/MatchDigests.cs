using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Matching.Application.Digests;
using Marketplace.Matching.Domain.Digests;
using Marketplace.Matching.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Matching.Infrastructure.Digests;

internal sealed class MatchDigests(MatchingDbContext context) : IMatchDigests
{
    public Task<MatchDigest?> FindAsync(Guid profileId, CancellationToken cancellationToken) =>
        context.MatchDigests.SingleOrDefaultAsync(d => d.Id == profileId, cancellationToken);

    public void Add(MatchDigest digest) => context.MatchDigests.Add(digest);

    public async Task<MatchDigest> LockAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var defaults = MatchDigest.Defaults(profileId);
        await context.Database.ExecuteSqlAsync(
            $"INSERT INTO matching.match_digests (id, minimum_score, enabled) VALUES ({profileId}, {defaults.MinimumScore}, {defaults.Enabled}) ON CONFLICT (id) DO NOTHING",
            cancellationToken);
        return await context.MatchDigests.FromSql($"SELECT * FROM matching.match_digests WHERE id = {profileId} FOR UPDATE").SingleAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<Guid>> AlreadyDigestedAsync(Guid profileId, IReadOnlyCollection<Guid> postingIds, CancellationToken cancellationToken) =>
        (await context.DigestedMatches.AsNoTracking().Where(d => d.ProfileId == profileId && postingIds.Contains(d.PostingId)).Select(d => d.PostingId)
            .ToListAsync(cancellationToken)).ToHashSet();

    public void AddDigested(IEnumerable<DigestedMatch> matches) => context.DigestedMatches.AddRange(matches);

    /// <summary>Profiles whose digest is due (or who never chose: the defaults are on), after a profile id, in id order.</summary>
    internal static Task<List<Guid>> DueAsync(MatchingDbContext context, DateTimeOffset now, Guid after, int count, CancellationToken cancellationToken)
    {
        var sweptBefore = now - MatchDigest.Interval;
        return context.Database.SqlQuery<Guid>(
            $"""
             SELECT p.id AS "Value" FROM matching.profiles p LEFT JOIN matching.match_digests d ON d.id = p.id
             WHERE NOT p.removed AND p.id > {after}
               AND (d.id IS NULL OR (d.enabled AND (d.last_swept_at IS NULL OR d.last_swept_at <= {sweptBefore})))
             ORDER BY p.id LIMIT {count}
             """).ToListAsync(cancellationToken);
    }
}

/// <summary>A digest's unsubscribe token: the profile (and so the user) it stops, sealed by the mail building block.</summary>
internal sealed class DigestUnsubscribeTokens(IUnsubscribeLinkTokens tokens) : IDigestUnsubscribeTokens
{
    private const string Purpose = "Marketplace.Matching.DigestUnsubscribe.v1";

    public string For(Guid profileId) => tokens.Seal(Purpose, profileId.ToByteArray());

    public Guid? Read(string? token) => tokens.Open(Purpose, token) is { Length: 16 } payload ? new Guid(payload) : null;
}

internal sealed class MatchDigestConfiguration : IEntityTypeConfiguration<MatchDigest>
{
    public void Configure(EntityTypeBuilder<MatchDigest> digest)
    {
        digest.ToTable("match_digests");
        digest.HasKey(d => d.Id);
        digest.Property(d => d.Id).ValueGeneratedNever();
    }
}

internal sealed class DigestedMatchConfiguration : IEntityTypeConfiguration<DigestedMatch>
{
    public void Configure(EntityTypeBuilder<DigestedMatch> match)
    {
        match.ToTable("digested_matches");
        match.HasKey(d => new { d.ProfileId, d.PostingId });
    }
}
