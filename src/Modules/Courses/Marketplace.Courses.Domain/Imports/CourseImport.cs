using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.Imports;

public enum ImportStatus
{
    /// <summary>Uploaded; the admin is mapping columns on the preview.</summary>
    Uploaded,
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A row the import did not take, by the line of the file it starts on.</summary>
public sealed record RejectedRow(int Line, string Reason);

/// <summary>A skill mention the taxonomy does not know, and how many rows named it.</summary>
public sealed record UnknownMention(string Mention, int Rows);

/// <summary>
/// One CSV file on its way into the catalog: uploaded, mapped on the preview, then imported in batches by a background job
/// that records its progress after each. A batch already done is never done again, and the catalog's upsert makes even that
/// harmless: importing the same rows twice changes nothing.
/// </summary>
public sealed class CourseImport : AggregateRoot<Guid>
{
    public const int MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxRejectedKept = 1_000;
    public const int MaxUnknownKept = 500;

    private CourseImport()
    {
    }

    public string Source { get; private set; } = "";

    public string SourceKey { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string Content { get; private set; } = "";

    public Dictionary<ImportField, string> Mapping { get; private set; } = [];

    public ImportStatus Status { get; private set; }

    public int TotalRows { get; private set; }

    public int ProcessedRows { get; private set; }

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int RejectedCount { get; private set; }

    public List<RejectedRow> Rejected { get; private set; } = [];

    public List<UnknownMention> Unknown { get; private set; } = [];

    public string? Failure { get; private set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Percent => TotalRows == 0 ? (Status == ImportStatus.Completed ? 100 : 0) : (int)Math.Floor(100.0 * ProcessedRows / TotalRows);

    public static string KeyOf(string source) => string.Join(' ', source.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static Result<CourseImport> Upload(Guid id, string source, string fileName, string content, int rows, ColumnMapping mapping, Guid admin, DateTimeOffset now)
    {
        var name = source?.Trim() ?? "";
        if (name.Length is < 2 or > Catalog.Course.MaxProviderLength)
        {
            return Error.Validation("Source", "Name the provider or aggregator the file comes from (2 to 100 characters).");
        }

        if (rows == 0)
        {
            return Error.Validation("Upload", "The file has a header but no rows.");
        }

        if (rows > MaxRows)
        {
            return Error.Validation("Upload", $"The file has {rows:N0} rows; import at most {MaxRows:N0} at a time.");
        }

        return new CourseImport
        {
            Id = id,
            Source = name,
            SourceKey = KeyOf(name),
            FileName = Path.GetFileName(fileName ?? "courses.csv"),
            Content = content,
            Mapping = new(mapping.Columns),
            Status = ImportStatus.Uploaded,
            TotalRows = rows,
            CreatedBy = admin,
            CreatedAt = now,
        };
    }

    public Result Map(ColumnMapping mapping)
    {
        if (Status != ImportStatus.Uploaded)
        {
            return Error.Conflict("import.started", "This import has started; its mapping can no longer change.");
        }

        Mapping = new(mapping.Columns);
        return Result.Success();
    }

    public Result Queue(DateTimeOffset now)
    {
        if (Status != ImportStatus.Uploaded)
        {
            return Error.Conflict("import.started", "This import has already started.");
        }

        var missing = new ColumnMapping(Mapping).MissingRequired;
        if (missing.Count > 0)
        {
            return Error.Validation("Mapping", $"Map a column to {string.Join(", ", missing.Select(ColumnMapping.Label))} first.");
        }

        Status = ImportStatus.Queued;
        StartedAt = now;
        return Result.Success();
    }

    /// <summary>Whether the job still has rows to take: queued or running, not done.</summary>
    public bool HasWork => Status is ImportStatus.Queued or ImportStatus.Running && ProcessedRows < TotalRows;

    /// <summary>Records one batch: the rows it covered, what the catalog did with them, and what it rejected.</summary>
    public void RecordBatch(int rows, int added, int updated, int unchanged, IReadOnlyList<RejectedRow> rejected, IReadOnlyList<string> unknownMentions, DateTimeOffset now)
    {
        Status = ImportStatus.Running;
        ProcessedRows = Math.Min(TotalRows, ProcessedRows + rows);
        Added += added;
        Updated += updated;
        Unchanged += unchanged;
        RejectedCount += rejected.Count;
        Rejected = [.. Rejected, .. rejected.Take(Math.Max(0, MaxRejectedKept - Rejected.Count))];
        var counts = Unknown.ToDictionary(u => u.Mention, u => u.Rows, StringComparer.OrdinalIgnoreCase);
        foreach (var mention in unknownMentions)
        {
            if (counts.TryGetValue(mention, out var seen))
            {
                counts[mention] = seen + 1;
            }
            else if (counts.Count < MaxUnknownKept)
            {
                counts[mention] = 1;
            }
        }

        Unknown = [.. counts.Select(c => new UnknownMention(c.Key, c.Value)).OrderByDescending(u => u.Rows).ThenBy(u => u.Mention, StringComparer.OrdinalIgnoreCase)];
        if (ProcessedRows >= TotalRows)
        {
            Status = ImportStatus.Completed;
            FinishedAt = now;
        }
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        Failure = reason.Length > 500 ? reason[..500] : reason;
        FinishedAt = now;
    }
}

/// <summary>The column mapping last used for a source, offered again on its next file's preview.</summary>
public sealed class RememberedMapping : Entity<string>
{
    private RememberedMapping()
    {
    }

    public Dictionary<ImportField, string> Columns { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RememberedMapping For(string sourceKey, ColumnMapping mapping, DateTimeOffset now) =>
        new() { Id = sourceKey, Columns = new(mapping.Columns), UpdatedAt = now };

    public void Remember(ColumnMapping mapping, DateTimeOffset now)
    {
        Columns = new(mapping.Columns);
        UpdatedAt = now;
    }
}
