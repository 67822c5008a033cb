using Marketplace.Jobs.Domain.SavedSearches;

namespace Marketplace.Jobs.Application.SavedSearches;

/// <summary>Where saved searches are kept; implemented by the Jobs infrastructure.</summary>
public interface ISavedSearchRepository
{
    void Add(SavedSearch search);

    void Remove(SavedSearch search);

    Task<SavedSearch?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<SavedSearch>> ListByUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// The people with at least one search whose alert is due: a daily or weekly one at its time, an instant one when
    /// something was announced beyond its mark (up to <paramref name="upTo"/>).
    /// </summary>
    Task<IReadOnlyList<Guid>> ListDueUsersAsync(DateTimeOffset now, long upTo, int take, CancellationToken cancellationToken);

    /// <summary>
    /// A person's due searches, locked for this transaction; none when another sweep holds this person, and a search held
    /// elsewhere (its owner editing it) is skipped, so two sweeps never announce the same window twice or split one digest.
    /// </summary>
    Task<IReadOnlyList<SavedSearch>> LockDueAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> DeleteByUserAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>Who an unsubscribe link stops mail for: one person's every alert, or one saved search.</summary>
public sealed record AlertSubscription(Guid UserId, Guid? SearchId);

/// <summary>
/// The signed tokens of one-click unsubscribe links: only this app can make one, so a link cannot be forged to stop
/// someone else's alerts, and it works without signing in; implemented with the host's Data Protection keys.
/// </summary>
public interface IUnsubscribeTokens
{
    string For(AlertSubscription subscription);

    AlertSubscription? Read(string? token);
}

/// <summary>The sequence that orders published postings for alerts; implemented by the Jobs infrastructure.</summary>
public interface IAnnouncements
{
    /// <summary>
    /// Gives every published posting that has none its place in the sequence, one sweep at a time, and answers the highest
    /// place: once this transaction commits, every posting up to it is placed and visible, so it is a safe high-water mark.
    /// </summary>
    Task<long> StampAsync(CancellationToken cancellationToken);
}

/// <summary>Starts an alert sweep soon, e.g. right after a posting was published; implemented with Hangfire.</summary>
public interface IAlertSweepTrigger
{
    void SweepSoon();
}
