using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Domain.Candidates;

namespace Marketplace.Matching.Tests.Candidates;

/// <summary>
/// Holds contact requests right after their "asked before?" check until two have made it, so both pass it and both insert: the race
/// of two colleagues asking the same candidate at once, made certain instead of left to timing. Disarmed, it lets every call through.
/// </summary>
public sealed class ContactRace
{
    private TaskCompletionSource? _both;
    private int _arrived;

    public void Arm()
    {
        _arrived = 0;
        _both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Disarm() => _both = null;

    public async Task ArriveAsync()
    {
        if (_both is not { } both) return;
        if (Interlocked.Increment(ref _arrived) >= 2) both.TrySetResult();
        // Bounded: a lone request goes on after a while rather than hang the test.
        await Task.WhenAny(both.Task, Task.Delay(TimeSpan.FromSeconds(10)));
    }
}

/// <summary>The real store, with the race's gate after <see cref="ICandidateStore.FindRequestAsync"/>.</summary>
public sealed class RacingCandidateStore(ICandidateStore store, ContactRace race) : ICandidateStore
{
    public void Add(ContactRequest request) => store.Add(request);

    public void Add(SavedRanking ranking) => store.Add(ranking);

    public void Remove(SavedRanking ranking) => store.Remove(ranking);

    public Task<IReadOnlyList<ContactRequest>> RequestsOfPostingAsync(Guid postingId, CancellationToken cancellationToken) =>
        store.RequestsOfPostingAsync(postingId, cancellationToken);

    public async Task<ContactRequest?> FindRequestAsync(Guid postingId, Guid profileId, CancellationToken cancellationToken)
    {
        var found = await store.FindRequestAsync(postingId, profileId, cancellationToken);
        await race.ArriveAsync();
        return found;
    }

    public Task<ContactRequest?> GetRequestForUpdateAsync(Guid requestId, CancellationToken cancellationToken) => store.GetRequestForUpdateAsync(requestId, cancellationToken);

    public Task<IReadOnlyList<ContactRequest>> RequestsOfSeekerAsync(Guid profileId, CancellationToken cancellationToken) =>
        store.RequestsOfSeekerAsync(profileId, cancellationToken);

    public Task<SavedRanking?> FindRankingAsync(Guid postingId, bool forUpdate, CancellationToken cancellationToken) =>
        store.FindRankingAsync(postingId, forUpdate, cancellationToken);

    public Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken) => store.ForgetUserAsync(userId, cancellationToken);
}
