using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Catalog;
using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;
using Mediator;

namespace Marketplace.Courses.Application.Imports.Preview;

public sealed record SampleRow(int Line, IReadOnlyList<string> Cells);

public sealed record RejectedRowDto(int Line, string Reason);

public sealed record UnknownMentionDto(string Mention, int Rows);

/// <summary>An import as its page shows it; fields are named as <see cref="CourseChoices.ImportFields"/> names them.</summary>
public sealed record ImportPreviewDto(
    Guid Id,
    string Source,
    string FileName,
    string Status,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, string> Mapping,
    IReadOnlyList<string> MissingRequired,
    IReadOnlyList<SampleRow> Sample,
    int TotalRows,
    int AcceptedRows,
    int RejectedRows,
    IReadOnlyList<RejectedRowDto> Rejected,
    IReadOnlyList<UnknownMentionDto> Unknown,
    int ProcessedRows,
    int Percent,
    int Added,
    int Updated,
    int Unchanged,
    string? Failure,
    string DurationRule)
{
    public bool Started => Status != nameof(ImportStatus.Uploaded);

    public bool Running => Status is nameof(ImportStatus.Queued) or nameof(ImportStatus.Running);
}

/// <summary>
/// An import's preview: before it starts, what the current mapping would make of every row (rejections with their lines,
/// unknown skill mentions); once started, its progress and what it did.
/// </summary>
public sealed record GetImportPreview(Guid Id) : IQuery<Result<ImportPreviewDto>>;

public sealed class GetImportPreviewHandler(ICourseImportRepository imports, ICsvReader csv, CourseSkills skills, ICurrentUser currentUser)
    : IQueryHandler<GetImportPreview, Result<ImportPreviewDto>>
{
    public const int RejectedShown = 200;
    public const int UnknownShown = 100;

    public async ValueTask<Result<ImportPreviewDto>> Handle(GetImportPreview query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins import courses.");
        }

        var import = await imports.FindAsync(query.Id, cancellationToken);
        if (import is null)
        {
            return Error.NotFound("import", query.Id);
        }

        var table = csv.Read(import.Content);
        if (table.IsFailure)
        {
            return Result<ImportPreviewDto>.Failure(table.Errors);
        }

        var mapping = new ColumnMapping(import.Mapping);
        var sample = table.Value.Rows.Take(5).ToList();
        if (import.Status == ImportStatus.Uploaded)
        {
            var dryRun = mapping.MissingRequired.Count > 0
                ? new ImportRowsResult([], [], [])
                : ImportRows.Read(table.Value, 0, table.Value.Rows.Count, mapping, new ImportDefaults(import.Source), new CourseRowReader(skills.Taxonomy));
            var unknown = dryRun.UnknownMentions
                .GroupBy(m => m, StringComparer.OrdinalIgnoreCase)
                .Select(g => new UnknownMention(g.First(), g.Count()))
                .OrderByDescending(u => u.Rows).ThenBy(u => u.Mention, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return Dto(import, table.Value, mapping, sample, dryRun.Accepted.Count, dryRun.Rejected.Count, [.. dryRun.Rejected.Take(RejectedShown)], [.. unknown.Take(UnknownShown)]);
        }

        return Dto(import, table.Value, mapping, sample, import.ProcessedRows - import.RejectedCount, import.RejectedCount, [.. import.Rejected.Take(RejectedShown)], [.. import.Unknown.Take(UnknownShown)]);
    }

    private static ImportPreviewDto Dto(
        CourseImport import, CsvTable table, ColumnMapping mapping, IReadOnlyList<CsvRow> sample, int accepted, int rejectedCount, IReadOnlyList<RejectedRow> rejected, IReadOnlyList<UnknownMention> unknown) =>
        new(
            import.Id,
            import.Source,
            import.FileName,
            import.Status.ToString(),
            table.Headers,
            mapping.Columns.ToDictionary(c => c.Key.ToString(), c => c.Value),
            [.. mapping.MissingRequired.Select(ColumnMapping.Label)],
            [.. sample.Select(r => new SampleRow(r.Line, r.Cells))],
            import.TotalRows,
            accepted,
            rejectedCount,
            [.. rejected.Select(r => new RejectedRowDto(r.Line, r.Reason))],
            [.. unknown.Select(u => new UnknownMentionDto(u.Mention, u.Rows))],
            import.ProcessedRows,
            import.Percent,
            import.Added,
            import.Updated,
            import.Unchanged,
            import.Failure,
            Durations.Rule);
}
