using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Marketplace.Matching.Domain.Candidates;
using Marketplace.Matching.Domain.Digests;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Domain.Runs;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Matching.Infrastructure.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Marketplace.Matching.Infrastructure.Persistence;

public sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "matching";

    /// <summary>The change feed: one sequence for both projections, so a position orders profile and posting changes alike.</summary>
    public const string ChangeFeedSequence = "change_feed";

    public override string Schema => SchemaName;

    public DbSet<ProfileProjection> Profiles => Set<ProfileProjection>();

    public DbSet<PostingProjection> Postings => Set<PostingProjection>();

    public DbSet<StoredProfileMatch> ProfileMatches => Set<StoredProfileMatch>();

    public DbSet<StoredCandidate> PostingCandidates => Set<StoredCandidate>();

    public DbSet<FeedState> FeedState => Set<FeedState>();

    public DbSet<RematchRun> RematchRuns => Set<RematchRun>();

    public DbSet<RematchBatch> RematchBatches => Set<RematchBatch>();

    public DbSet<MatchDigest> MatchDigests => Set<MatchDigest>();

    public DbSet<DigestedMatch> DigestedMatches => Set<DigestedMatch>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    public DbSet<SavedRanking> SavedRankings => Set<SavedRanking>();

    public DbSet<PseudonymSecret> PseudonymSecrets => Set<PseudonymSecret>();

    public DbSet<OverlayEntry> TaxonomyOverlay => Set<OverlayEntry>();

    public DbSet<UnknownMention> UnknownMentions => Set<UnknownMention>();

    public DbSet<MentionSighting> MentionSightings => Set<MentionSighting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(ChangeFeedSequence);
    }

    /// <summary>
    /// Two contact requests for one candidate of one posting at once (two colleagues, a double click) both pass the check and
    /// both insert: the second lost a race, which the unit of work answers as a conflict instead of a failure.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException
            && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_contact_requests_posting_id_profile_id" })
        {
            throw new DbUpdateConcurrencyException("The candidate was asked by another request at the same time.", exception);
        }
    }
}

/// <summary>For `dotnet ef migrations add`: builds the model without a host or a database.</summary>
public sealed class MatchingDbContextDesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        options.UseModuleDatabase("Host=localhost", MatchingDbContext.SchemaName);
        return new MatchingDbContext(options.Options);
    }
}
