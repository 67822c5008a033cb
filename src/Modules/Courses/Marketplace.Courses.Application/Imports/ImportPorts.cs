using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Domain.Imports;

namespace Marketplace.Courses.Application.Imports;

/// <summary>Reads a CSV file (any usual separator, quoted cells over several lines) into its header and rows.</summary>
public interface ICsvReader
{
    Result<CsvTable> Read(string content);
}

/// <summary>Where imports and the mappings remembered per source are kept; implemented by the Courses infrastructure.</summary>
public interface ICourseImportRepository
{
    void Add(CourseImport import);

    Task<CourseImport?> GetForUpdateAsync(Guid id, CancellationToken cancellationToken);

    Task<CourseImport?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The latest imports, newest first, without their files.</summary>
    Task<IReadOnlyList<ImportSummary>> ListRecentAsync(int count, CancellationToken cancellationToken);

    Task<RememberedMapping?> FindMappingAsync(string sourceKey, CancellationToken cancellationToken);

    void Add(RememberedMapping mapping);
}

public sealed record ImportSummary(Guid Id, string Source, string FileName, string Status, int TotalRows, int ProcessedRows, int Added, int Updated, int Unchanged, int Rejected, DateTimeOffset CreatedAt);

/// <summary>Runs an import in the background (a Hangfire job in the infrastructure).</summary>
public interface ICourseImportQueue
{
    void Enqueue(Guid importId);
}
