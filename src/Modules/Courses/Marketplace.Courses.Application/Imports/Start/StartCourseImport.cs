using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Domain.Imports;
using Mediator;

namespace Marketplace.Courses.Application.Imports.Start;

/// <summary>An admin changes an uploaded file's column mapping on the preview (a column named must be one of the file's).</summary>
public sealed record MapImportColumns(Guid Id, IReadOnlyDictionary<string, string?> Columns) : ICommand<Result>;

/// <summary>An admin starts the import with the mapping on the preview; it is remembered for the source's next file.</summary>
public sealed record StartCourseImport(Guid Id, IReadOnlyDictionary<string, string?> Columns) : ICommand<Result>;

public sealed class ImportMappingHandlers(ICourseImportRepository imports, ICsvReader csv, ICourseImportQueue queue, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<MapImportColumns, Result>, ICommandHandler<StartCourseImport, Result>
{
    public async ValueTask<Result> Handle(MapImportColumns command, CancellationToken cancellationToken)
    {
        var mapped = await MapAsync(command.Id, command.Columns, cancellationToken);
        return mapped.IsFailure ? Result.Failure(mapped.Errors) : Result.Success();
    }

    public async ValueTask<Result> Handle(StartCourseImport command, CancellationToken cancellationToken)
    {
        var mapped = await MapAsync(command.Id, command.Columns, cancellationToken);
        if (mapped.IsFailure)
        {
            return Result.Failure(mapped.Errors);
        }

        var (import, mapping) = mapped.Value;
        var now = clock.GetUtcNow();
        var queued = import.Queue(now);
        if (queued.IsFailure)
        {
            return queued;
        }

        if (await imports.FindMappingAsync(import.SourceKey, cancellationToken) is { } remembered)
        {
            remembered.Remember(mapping, now);
        }
        else
        {
            imports.Add(RememberedMapping.For(import.SourceKey, mapping, now));
        }

        // The job waits for this transaction's commit before it reads the import (CourseImportJob).
        queue.Enqueue(import.Id);
        return Result.Success();
    }

    private async Task<Result<(CourseImport Import, ColumnMapping Mapping)>> MapAsync(Guid id, IReadOnlyDictionary<string, string?> columns, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins import courses.");
        }

        var import = await imports.GetForUpdateAsync(id, cancellationToken);
        if (import is null)
        {
            return Error.NotFound("import", id);
        }

        var headers = csv.Read(import.Content) is { IsSuccess: true } table ? table.Value.Headers : [];
        var chosen = new Dictionary<ImportField, string>();
        foreach (var (name, column) in columns)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                continue;
            }

            if (!Enum.TryParse<ImportField>(name, ignoreCase: false, out var field) || !Enum.IsDefined(field))
            {
                return Error.Validation("Mapping", $"The catalog has no field '{name}'.");
            }

            if (!headers.Contains(column, StringComparer.Ordinal))
            {
                return Error.Validation($"Mapping.{field}", $"The file has no column '{column}'.");
            }

            chosen[field] = column;
        }

        var mapping = new ColumnMapping(chosen);
        var mapped = import.Map(mapping);
        return mapped.IsFailure ? Result<(CourseImport, ColumnMapping)>.Failure(mapped.Errors) : (import, mapping);
    }
}
