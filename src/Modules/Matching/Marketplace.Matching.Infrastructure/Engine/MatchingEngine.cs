using System.Collections.Immutable;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Matching.Infrastructure.Taxonomy;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
public sealed partial class MatchingEngine(IServiceScopeFactory scopes, MatchingEngineOptions options, TaxonomyCatalog catalog, ILogger<MatchingEngine> logger)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private MatchLists? _lists;
    private EngineView? _view;
    private long _builtAt;
    // List owner id -> the feed position at which its list last changed (pruned once stored past it).
    private readonly Dictionary<string, long> _dirtyPostings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dirtyProfiles = new(StringComparer.Ordinal);

    /// <summary>The taxonomy as of the applied feed position (the embedded one with the overlay's changes up to there).</summary>
    public SkillTaxonomy Taxonomy => _view?.Taxonomy ?? catalog.Current;

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
            // A taxonomy change is a position of the feed too: what comes before it is scored with the old taxonomy, the rest with the new.
            var overlay = await TaxonomyOverlayStore.AfterAsync(context, applied, cancellationToken);
            long before = overlay.Count > 0 ? overlay[0].Position : long.MaxValue;
            var profiles = await context.Profiles.AsNoTracking().Where(p => p.Sequence > applied && p.Sequence < before).OrderBy(p => p.Sequence).Take(options.FeedBatch).ToListAsync(cancellationToken);
            var postings = await context.Postings.AsNoTracking().Where(p => p.Sequence > applied && p.Sequence < before).OrderBy(p => p.Sequence).Take(options.FeedBatch).ToListAsync(cancellationToken);
            if (profiles.Count == 0 && postings.Count == 0)
            {
                if (overlay.Count == 0) return;
                ApplyTaxonomy(catalog.Through(overlay[0].Position, overlay), overlay[0].Position);
                applied = overlay[0].Position;
                continue;
            }

            // Both reads stop at a batch: apply only up to the position both have fully covered.
            long through = Math.Min(
                profiles.Count == options.FeedBatch ? profiles[^1].Sequence : long.MaxValue,
                postings.Count == options.FeedBatch ? postings[^1].Sequence : long.MaxValue);
            profiles = [.. profiles.Where(p => p.Sequence <= through)];
            postings = [.. postings.Where(p => p.Sequence <= through)];
            long reached = Math.Max(profiles.Count > 0 ? profiles[^1].Sequence : 0, postings.Count > 0 ? postings[^1].Sequence : 0);
            Apply(profiles, postings, reached);
            applied = reached;
            if (through == long.MaxValue && overlay.Count == 0) return;
        }
    }

    private async Task LoadAsync(MatchingDbContext context, CancellationToken cancellationToken)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        // One snapshot for the tables, so the position is exact.
        var (profiles, postings, overlay) = await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            var profiles = await context.Profiles.AsNoTracking().ToListAsync(ct);
            var postings = await context.Postings.AsNoTracking().ToListAsync(ct);
            var overlay = await TaxonomyOverlayStore.AfterAsync(context, 0, ct);
            await transaction.CommitAsync(ct);
            return (profiles, postings, overlay);
        }, cancellationToken);
        long position = Math.Max(profiles.Count > 0 ? profiles.Max(p => p.Sequence) : 0, postings.Count > 0 ? postings.Max(p => p.Sequence) : 0);
        var taxonomy = catalog.Through(overlay.Count > 0 ? overlay[^1].Position : 0, overlay);
        position = Math.Max(position, overlay.Count > 0 ? overlay[^1].Position : 0);

        var profileIndex = ProfileIndex.Build(taxonomy, [.. profiles.Where(p => p.IsCandidate).Select(p => p.ToEngine(taxonomy))]);
        var postingIndex = PostingIndex.Build(taxonomy, [.. postings.Where(p => p.IsOpen).Select(p => p.ToEngine(taxonomy))]);
        _lists = MatchLists.Build(profileIndex, postingIndex, options.CandidatesPerPosting, options.PostingsPerProfile);
        _builtAt = position;
        _view = new EngineView(position, _lists.Profiles, _lists.Postings,
            profiles.Where(p => !p.Removed).ToImmutableDictionary(p => p.Id.ToString(), StringComparer.Ordinal),
            postings.ToImmutableDictionary(p => p.Id.ToString(), StringComparer.Ordinal), taxonomy);
        LogLoaded(logger, profileIndex.Count, postingIndex.Count, position, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // Operators (and the pipeline benchmark) see when a process is ready to share the work: loading reads every projection.
    [LoggerMessage(Level = LogLevel.Information, Message = "Matching engine loaded {Candidates} candidates and {OpenPostings} open postings at feed position {Position} in {ElapsedMs:0} ms")]
    private static partial void LogLoaded(ILogger logger, int candidates, int openPostings, long position, double elapsedMs);

    private void Apply(List<ProfileProjection> profiles, List<PostingProjection> postings, long reached)
    {
        var view = _view!;
        var taxonomy = view.Taxonomy;
        var changes = _lists!.Apply(
            profiles.Where(p => p.IsCandidate).Select(p => p.ToEngine(taxonomy)),
            profiles.Where(p => !p.IsCandidate).Select(p => p.Id.ToString()),
            postings.Where(p => p.IsOpen).Select(p => p.ToEngine(taxonomy)),
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
        _view = new EngineView(reached, _lists.Profiles, _lists.Postings, byProfile.ToImmutable(), byPosting.ToImmutable(), taxonomy);
    }

    // Indexes are built for one taxonomy (its skills' positions), so a taxonomy change rebuilds the lists from the projections this
    // process holds. The lists that changed are those that now differ, and those that hold a profile or posting the new taxonomy
    // reads differently (same score, another explanation).
    private void ApplyTaxonomy(SkillTaxonomy taxonomy, long position)
    {
        var view = _view!;
        var old = _lists!;
        var profiles = view.Profiles.Values.Where(p => p.IsCandidate).ToList();
        var postings = view.Postings.Values.Where(p => p.IsOpen).ToList();
        var lists = MatchLists.Build(
            ProfileIndex.Build(taxonomy, [.. profiles.Select(p => p.ToEngine(taxonomy))]),
            PostingIndex.Build(taxonomy, [.. postings.Select(p => p.ToEngine(taxonomy))]),
            options.CandidatesPerPosting, options.PostingsPerProfile);

        var readDifferently = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in profiles)
            if (!SameSkills(p.ToEngine(view.Taxonomy), p.ToEngine(taxonomy))) readDifferently.Add(p.Id.ToString());
        foreach (var p in postings)
            if (!SamePosting(p.ToEngine(view.Taxonomy), p.ToEngine(taxonomy))) readDifferently.Add(p.Id.ToString());

        foreach (var p in postings)
        {
            string id = p.Id.ToString();
            var before = old.CandidatesOf(id);
            var after = lists.CandidatesOf(id);
            if (readDifferently.Contains(id) || !before.SequenceEqual(after) || after.Any(m => readDifferently.Contains(m.Id))) _dirtyPostings[id] = position;
        }
        foreach (var p in profiles)
        {
            string id = p.Id.ToString();
            var before = old.PostingsOf(id);
            var after = lists.PostingsOf(id);
            if (readDifferently.Contains(id) || !before.SequenceEqual(after) || after.Any(m => readDifferently.Contains(m.Id))) _dirtyProfiles[id] = position;
        }

        _lists = lists;
        _view = view with { Applied = position, Candidates = lists.Profiles, OpenPostings = lists.Postings, Taxonomy = taxonomy };

        static bool SameSkills(Profile a, Profile b) => a.Skills.SequenceEqual(b.Skills);

        static bool SamePosting(Posting a, Posting b) => a.Required.SequenceEqual(b.Required) && a.NiceToHave.SequenceEqual(b.NiceToHave);
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
