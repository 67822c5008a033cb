using Marketplace.Courses.Application.Enrolments;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Domain.Enrolments;
using Marketplace.Courses.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Courses.Infrastructure.Persistence;

internal sealed class ImportRepository(CoursesDbContext context) : ICourseImportRepository
{
    public void Add(CourseImport import) => context.Imports.Add(import);

    public Task<CourseImport?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        context.Imports.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<CourseImport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ImportSummary>> ListRecentAsync(int count, CancellationToken cancellationToken) =>
        await context.Imports.AsNoTracking()
            .OrderByDescending(i => i.CreatedAt)
            .Take(count)
            .Select(i => new ImportSummary(i.Id, i.Source, i.FileName, i.Status.ToString(), i.TotalRows, i.ProcessedRows, i.Added, i.Updated, i.Unchanged, i.RejectedCount, i.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task<RememberedMapping?> FindMappingAsync(string sourceKey, CancellationToken cancellationToken) =>
        context.Mappings.SingleOrDefaultAsync(m => m.Id == sourceKey, cancellationToken);

    public void Add(RememberedMapping mapping) => context.Mappings.Add(mapping);
}

internal sealed class EnrolmentRepository(CoursesDbContext context) : IEnrolmentRepository
{
    public void Add(Enrolment enrolment) => context.Enrolments.Add(enrolment);

    public Task<Enrolment?> GetForUpdateAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken) =>
        context.Enrolments.SingleOrDefaultAsync(e => e.SeekerId == seekerId && e.CourseId == courseId, cancellationToken);

    public Task<Enrolment?> FindAsync(Guid seekerId, Guid courseId, CancellationToken cancellationToken) =>
        context.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.SeekerId == seekerId && e.CourseId == courseId, cancellationToken);

    public async Task<IReadOnlyList<Enrolment>> ListAsync(Guid seekerId, CancellationToken cancellationToken) =>
        await context.Enrolments.AsNoTracking().Where(e => e.SeekerId == seekerId).ToListAsync(cancellationToken);

    public async Task<int> DeleteAllAsync(Guid seekerId, CancellationToken cancellationToken) =>
        await context.Enrolments.Where(e => e.SeekerId == seekerId).ExecuteDeleteAsync(cancellationToken)
        + await context.LearningSharing.Where(s => s.Id == seekerId).ExecuteDeleteAsync(cancellationToken);

    public void AddSharing(LearningSharing sharing) => context.LearningSharing.Add(sharing);

    public Task<LearningSharing?> GetSharingForUpdateAsync(Guid seekerId, CancellationToken cancellationToken) =>
        context.LearningSharing.SingleOrDefaultAsync(s => s.Id == seekerId, cancellationToken);

    public Task<LearningSharing?> FindSharingAsync(Guid seekerId, CancellationToken cancellationToken) =>
        context.LearningSharing.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seekerId, cancellationToken);
}
