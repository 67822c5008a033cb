using System.Collections.Immutable;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Infrastructure.Engine;

/// <summary>What readers share: immutable indexes and the projections by engine id, as of one change feed position.</summary>
internal sealed record EngineView(
    long Applied,
    ProfileIndex Candidates,
    PostingIndex OpenPostings,
    ImmutableDictionary<string, ProfileProjection> Profiles,
    ImmutableDictionary<string, PostingProjection> Postings,
    SkillTaxonomy Taxonomy)
{
    public Profile? ProfileOf(string id) => Profiles.TryGetValue(id, out var p) && !p.Removed ? p.ToEngine(Taxonomy) : null;

    public Posting? PostingOf(string id) => Postings.TryGetValue(id, out var p) ? p.ToEngine(Taxonomy) : null;
}

/// <summary>
/// This process's engine: the kept lists (<see cref="MatchLists"/>: every open posting's top candidates and every discoverable
/// profile's top postings, equal to a full rematch) built from the projections at start-up, then kept current from the change
/// feed. Every process applies the same feed in the same order, so all converge on the same lists whichever one handled an
/// event. It also remembers which lists changed at which feed position, so the process that stores them writes only those.
/// </summary>
public sealed class MatchingEngine(IServiceScopeFactory scopes, MatchingEngineOptions options)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private MatchLists? _lists;
    private EngineView? _view;
    private long _builtAt;
    // List owner id -> the feed position at which its list last changed (pruned once stored past it).
    private readonly Dictionary<string, long> _dirtyPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dirtyProfiles = new(StringComparer.Ordinal);

    public SkillTaxonomy Taxonomy { get; } = SkillTaxonomy.Embedded;

    /// <summary>Names this engine's process in the batches it did (two hosts in one process, as in tests, get two names).</summary>
    public string Worker { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public int CandidatesPerPosting => options.CandidatesPerPosting;

    public int PostingsPerProfile => options.PostingsPerProfile;

    /// <summary>The feed position this process has applied (0 before it loaded).</summary>
    public long Applied => _view?.Applied ?? 0;

    internal async Task<EngineView> ViewAsync(CancellationToken cancellationToken)
    {
        if (_view is { } view) return view;
        await CatchUpAsync(cancellationToken);
        return _view!;
    }

    /// <summary>Applies every committed change after the applied position (loading everything the first time).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await CatchUpLockedAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> with the engine caught up and no change applied meanwhile.</summary>
    internal async Task<T> WithListsAsync<T>(Func<MatchLists, EngineView, T> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await CatchUpLockedAsync(cancellationToken);
            return work(_lists!, _view!);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The lists that changed after <paramref name="storedThrough"/>, or null when this process cannot tell (it was built
    /// after that position, so it does not know what changed before): then every list must be written. Call inside
    /// <see cref="WithListsAsync{T}"/>.</summary>
    internal (IReadOnlyList<string> Postings, IReadOnlyList<string> Profiles)? ChangedSince(long storedThrough)
    {
        Prune(storedThrough);
        if (storedThrough < _builtAt) return null;
        return ([.. _dirtyPostings.Where(d => d.Value > storedThrough).Select(d => d.Key)],
            [.. _dirtyProfiles.Where(d => d.Value > storedThrough).Select(d => d.Key)]);
    }

    /// <summary>Forgets changes that are stored (at or before the stored position).</summary>
    internal void Prune(long storedThrough)
    {
        foreach (var id in _dirtyPostings.Where(d => d.Value <= storedThrough).Select(d => d.Key).ToList()) _dirtyPostings.Remove(id);
        foreach (var id in _dirtyProfiles.Where(d => d.Value <= storedThrough).Select(d => d.Key).ToList()) _dirtyProfiles.Remove(id);
    }

    private async Task CatchUpLockedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        if (_lists is null)
        {
            await LoadAsync(context, cancellationToken);
            return;
        }

        var applied = _view!.Applied;
        while (true)
        {
            var profiles = await context.Profiles.AsNoTracking().Where(p => p.Sequence > applied).OrderBy(p => p.Sequence).Take(options.FeedBatch).ToListAsync(cancellationToken);
            var postings = await context.Postings.AsNoTracking().Where(p => p.Sequence > applied).OrderBy(p => p.Sequence).Take(options.FeedBatch).ToListAsync(cancellationToken);
            if (profiles.Count == 0 && postings.Count == 0) return;
            // Both reads stop at a batch: apply only up to the position both have fully covered.
            long through = Math.Min(
                profiles.Count == options.FeedBatch ? profiles[^1].Sequence : long.MaxValue,
                postings.Count == options.FeedBatch ? postings[^1].Sequence : long.MaxValue);
            profiles = [.. profiles.Where(p => p.Sequence <= through)];
            postings = [.. postings.Where(p => p.Sequence <= through)];
            long reached = Math.Max(profiles.Count > 0 ? profiles[^1].Sequence : 0, postings.Count > 0 ? postings[^1].Sequence : 0);
            Apply(profiles, postings, reached);
            applied = reached;
            if (through == long.MaxValue) return;
        }
    }

    private async Task LoadAsync(MatchingDbContext context, CancellationToken cancellationToken)
    {
        // One snapshot for both tables, so the position is exact.
        var (profiles, postings) = await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var profiles = await context.Profiles.AsNoTracking().ToListAsync(ct);
            var postings = await context.Postings.AsNoTracking().ToListAsync(ct);
            await transaction.CommitAsync(ct);
            return (profiles, postings);
        }, cancellationToken);
        long position = Math.Max(profiles.Count > 0 ? profiles.Max(p => p.Sequence) : 0, postings.Count > 0 ? postings.Max(p => p.Sequence) : 0);

        var profileIndex = ProfileIndex.Build(Taxonomy, [.. profiles.Where(p => p.IsCandidate).Select(p => p.ToEngine(Taxonomy))]);
        var postingIndex = PostingIndex.Build(Taxonomy, [.. postings.Where(p => p.IsOpen).Select(p => p.ToEngine(Taxonomy))]);
        _lists = MatchLists.Build(profileIndex, postingIndex, options.CandidatesPerPosting, options.PostingsPerProfile);
        _builtAt = position;
        _view = new EngineView(position, _lists.Profiles, _lists.Postings,
            profiles.Where(p => !p.Removed).ToImmutableDictionary(p => p.Id.ToString(), StringComparer.Ordinal),
            postings.ToImmutableDictionary(p => p.Id.ToString(), StringComparer.Ordinal), Taxonomy);
    }

    private void Apply(List<ProfileProjection> profiles, List<PostingProjection> postings, long reached)
    {
        var view = _view!;
        var changes = _lists!.Apply(
            profiles.Where(p => p.IsCandidate).Select(p => p.ToEngine(Taxonomy)),
            profiles.Where(p => !p.IsCandidate).Select(p => p.Id.ToString()),
            postings.Where(p => p.IsOpen).Select(p => p.ToEngine(Taxonomy)),
            postings.Where(p => !p.IsOpen).Select(p => p.Id.ToString()));
        foreach (var id in changes.Postings) _dirtyPostings[id] = reached;
        foreach (var id in changes.Profiles) _dirtyProfiles[id] = reached;
        // A profile that left the candidates has no stored list any more: its removal is a change of its list too.
        foreach (var p in profiles.Where(p => !p.IsCandidate)) _dirtyProfiles[p.Id.ToString()] = reached;
        foreach (var p in postings.Where(p => !p.IsOpen)) _dirtyPostings[p.Id.ToString()] = reached;

        var byProfile = view.Profiles.ToBuilder();
        foreach (var p in profiles)
        {
            if (p.Removed) byProfile.Remove(p.Id.ToString());
            else byProfile[p.Id.ToString()] = p;
        }

        var byPosting = view.Postings.ToBuilder();
        foreach (var p in postings) byPosting[p.Id.ToString()] = p;
        _view = new EngineView(reached, _lists.Profiles, _lists.Postings, byProfile.ToImmutable(), byPosting.ToImmutable(), Taxonomy);
    }
}

/// <summary>How long the stored lists are and how the feed is read.</summary>
public sealed class MatchingEngineOptions
{
    public const string Section = "Matching";

    public int CandidatesPerPosting { get; set; } = 50;

    public int PostingsPerProfile { get; set; } = 20;

    /// <summary>Feed rows read at a time.</summary>
    public int FeedBatch { get; set; } = 5_000;

    /// <summary>How often every process reads the change feed.</summary>
    public int FeedPollMs { get; set; } = 250;

    /// <summary>Open postings a full rematch batch takes (their candidates).</summary>
    public int PostingsPerBatch { get; set; } = 50;

    /// <summary>Discoverable profiles a full rematch batch takes (their postings).</summary>
    public int ProfilesPerBatch { get; set; } = 8_192;

    /// <summary>Chains of batch jobs a full rematch runs side by side (servers share them).</summary>
    public int RematchLanes { get; set; } = 4;
}
