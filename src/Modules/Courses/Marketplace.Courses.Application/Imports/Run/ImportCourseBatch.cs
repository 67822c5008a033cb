using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Matching.Contracts.Taxonomy;
using Mediator;

namespace Marketplace.Courses.Application.Imports.Run;

/// <summary>
/// The background job's step: the next batch of a started import's rows goes into the catalog in one bulk write, and the
/// import records how far it got, in the same transaction. Answers whether rows remain. Sent only by the job, never by a
/// page or endpoint.
/// </summary>
public sealed record ImportCourseBatch(Guid Id) : ICommand<Result<bool>>;

/// <summary>The job gave up on an import (an unexpected error): the page says so, and the rows already imported stay.</summary>
public sealed record FailCourseImport(Guid Id, string Reason) : ICommand<Result>;

public sealed class ImportCourseBatchHandler(
    ICourseImportRepository imports,
    ICourseRepository courses,
    ICsvReader csv,
    CourseSkills skills,
    ISkillsFacade taxonomy,
    TimeProvider clock) : ICommandHandler<ImportCourseBatch, Result<bool>>, ICommandHandler<FailCourseImport, Result>
{
    public const int BatchSize = 2_000;

    public async ValueTask<Result<bool>> Handle(ImportCourseBatch command, CancellationToken cancellationToken)
    {
        var import = await imports.GetForUpdateAsync(command.Id, cancellationToken);
        if (import is null)
        {
            return Error.NotFound("import", command.Id);
        }

        if (!import.HasWork)
        {
            return false;
        }

        var table = csv.Read(import.Content);
        if (table.IsFailure)
        {
            return Result<bool>.Failure(table.Errors);
        }

        var now = clock.GetUtcNow();
        var skip = import.ProcessedRows;
        var take = Math.Min(BatchSize, import.TotalRows - skip);
        var rows = ImportRows.Read(table.Value, skip, take, new ColumnMapping(import.Mapping), new ImportDefaults(import.Source), new CourseRowReader(skills.Taxonomy));
        var counts = rows.Accepted.Count == 0 ? new UpsertCounts(0, 0, 0) : await courses.UpsertAsync(rows.Accepted, now, cancellationToken);
        import.RecordBatch(take, counts.Added, counts.Updated, counts.Unchanged, rows.Rejected, rows.UnknownMentions, now);
        // The admins' queue counts each import once per mention, so a retried batch reports nothing twice.
        await taxonomy.ReportUnknownAsync(UnknownMentionOrigin.CourseImport, import.Id.ToString(), rows.UnknownMentions, cancellationToken);
        return import.HasWork;
    }

    public async ValueTask<Result> Handle(FailCourseImport command, CancellationToken cancellationToken)
    {
        var import = await imports.GetForUpdateAsync(command.Id, cancellationToken);
        if (import is null)
        {
            return Error.NotFound("import", command.Id);
        }

        import.Fail(command.Reason, clock.GetUtcNow());
        return Result.Success();
    }
}
