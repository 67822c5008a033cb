using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Domain.Candidates;
using Marketplace.Matching.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Matching.Infrastructure.Candidates;

internal sealed class CandidateStore(MatchingDbContext context) : ICandidateStore
{
    public void Add(ContactRequest request) => context.ContactRequests.Add(request);

    public void Add(SavedRanking ranking) => context.SavedRankings.Add(ranking);

    public void Remove(SavedRanking ranking) => context.SavedRankings.Remove(ranking);

    public async Task<IReadOnlyList<ContactRequest>> RequestsOfPostingAsync(Guid postingId, CancellationToken cancellationToken) =>
        await context.ContactRequests.AsNoTracking().Where(r => r.PostingId == postingId).ToListAsync(cancellationToken);

    public Task<ContactRequest?> FindRequestAsync(Guid postingId, Guid profileId, CancellationToken cancellationToken) =>
        context.ContactRequests.AsNoTracking().SingleOrDefaultAsync(r => r.PostingId == postingId && r.ProfileId == profileId, cancellationToken);

    public Task<ContactRequest?> GetRequestForUpdateAsync(Guid requestId, CancellationToken cancellationToken) =>
        context.ContactRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    public async Task<IReadOnlyList<ContactRequest>> RequestsOfSeekerAsync(Guid profileId, CancellationToken cancellationToken) =>
        await context.ContactRequests.AsNoTracking().Where(r => r.ProfileId == profileId).ToListAsync(cancellationToken);

    public Task<SavedRanking?> FindRankingAsync(Guid postingId, bool forUpdate, CancellationToken cancellationToken) =>
        (forUpdate ? context.SavedRankings : context.SavedRankings.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == postingId, cancellationToken);

    public async Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await context.ContactRequests.Where(r => r.ProfileId == userId).ExecuteDeleteAsync(cancellationToken)
        + await context.ContactRequests.Where(r => r.RequestedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedBy, (Guid?)null), cancellationToken)
        + await context.SavedRankings.Where(r => r.SavedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SavedBy, (Guid?)null), cancellationToken);
}
