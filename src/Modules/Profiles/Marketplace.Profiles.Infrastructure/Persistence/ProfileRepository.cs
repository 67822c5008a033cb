using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Profiles.Infrastructure.Persistence;

internal sealed class ProfileRepository(ProfilesDbContext context) : IProfileRepository
{
    public void Add(SeekerProfile profile) => context.Profiles.Add(profile);

    public async Task<SeekerProfile?> GetForUpdateAsync(Guid userId, long expectedRevision, CancellationToken cancellationToken)
    {
        var profile = await context.Profiles.SingleOrDefaultAsync(p => p.Id == userId, cancellationToken);
        if (profile is not null)
        {
            // The UPDATE then checks the revision against what the client read, not what this request loaded.
            context.Entry(profile).Property(p => p.Revision).OriginalValue = expectedRevision;
        }

        return profile;
    }

    public Task<SeekerProfile?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        context.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == userId, cancellationToken);

    public void Add(CvDocument cv) => context.CvDocuments.Add(cv);

    public Task<CvDocument?> GetCvForUpdateAsync(Guid userId, CancellationToken cancellationToken) =>
        context.CvDocuments.SingleOrDefaultAsync(c => c.Id == userId, cancellationToken);

    public Task<CvDocument?> FindCvAsync(Guid userId, CancellationToken cancellationToken) =>
        context.CvDocuments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == userId, cancellationToken);

    public async Task<long?> DeleteAsync(Guid userId, CancellationToken cancellationToken)
    {
        var revision = await context.Profiles.Where(p => p.Id == userId).Select(p => (long?)p.Revision).SingleOrDefaultAsync(cancellationToken);
        await context.Profiles.Where(p => p.Id == userId).ExecuteDeleteAsync(cancellationToken);
        await context.CvDocuments.Where(c => c.Id == userId).ExecuteDeleteAsync(cancellationToken);
        return revision;
    }
}
