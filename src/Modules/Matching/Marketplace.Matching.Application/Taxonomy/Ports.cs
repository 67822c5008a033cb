using Marketplace.Matching.Contracts.Taxonomy;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Application.Taxonomy;

/// <summary>The stored overlay; implemented by the Matching infrastructure.</summary>
public interface ITaxonomyOverlay
{
    /// <summary>Takes the change feed's lock for the current unit of work (so no other change can slip in between the check and
    /// the write) and reads every stored change, oldest first.</summary>
    Task<IReadOnlyList<OverlayEntry>> LockAndLoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores a change at the next change feed position, in the current unit of work; returns the position.</summary>
    Task<long> AppendAsync(TaxonomyChange change, string changedBy, DateTimeOffset changedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<OverlayEntry>> RecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>An unknown mention as the queue shows it: how many places mentioned it and a few of them.</summary>
public sealed record QueuedMention(string Key, string Text, int Sightings, DateTimeOffset LastSeenAt, IReadOnlyList<MentionExample> Examples);

/// <summary>One place that mentioned it, by kind, and how it was written there.</summary>
public sealed record MentionExample(UnknownMentionOrigin Source, string Text);

/// <summary>The unknown-mentions queue; implemented by the Matching infrastructure.</summary>
public interface IUnknownMentions
{
    /// <summary>Counts each (mention, place) once, in the current unit of work.</summary>
    Task RecordAsync(MentionSource source, string placeId, IReadOnlyCollection<string> mentions, DateTimeOffset seenAt, CancellationToken cancellationToken);

    /// <summary>Open mentions, most mentioned first, with up to <paramref name="examples"/> examples each.</summary>
    Task<IReadOnlyList<QueuedMention>> OpenAsync(int take, int examples, CancellationToken cancellationToken);

    /// <summary>The mention with this key, tracked by the unit of work.</summary>
    Task<UnknownMention?> FindAsync(string key, CancellationToken cancellationToken);
}
