using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Imports;

namespace Marketplace.Courses.Application.Imports;

/// <summary>What a range of a file's rows became under a mapping: the courses to write, the rows rejected, the unknown mentions.</summary>
public sealed record ImportRowsResult(IReadOnlyList<CourseDetails> Accepted, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<string> UnknownMentions);

/// <summary>
/// Reads rows the same way for the preview (all of them) and the job (a batch at a time): a row naming the same course as
/// an earlier row of the file (same provider and id, or link) is rejected as a duplicate of that line, so the result never
/// depends on where a batch starts.
/// </summary>
public static class ImportRows
{
    public static ImportRowsResult Read(CsvTable table, int skip, int take, ColumnMapping mapping, ImportDefaults defaults, CourseRowReader reader)
    {
        var firstLine = FirstLines(table, skip + take, mapping, defaults);
        var accepted = new List<CourseDetails>();
        var rejected = new List<RejectedRow>();
        var unknown = new List<string>();
        foreach (var row in table.Rows.Skip(skip).Take(take))
        {
            var outcome = reader.Read(table, row, mapping, defaults);
            unknown.AddRange(outcome.UnknownMentions.Distinct(StringComparer.OrdinalIgnoreCase));
            if (outcome.Details is not { } details)
            {
                rejected.Add(new RejectedRow(row.Line, outcome.Rejection!));
                continue;
            }

            var key = Course.ImportKeyOf(details.Provider, details.ProviderCourseId, details.Link);
            if (firstLine.TryGetValue(key, out var line) && line < row.Line)
            {
                rejected.Add(new RejectedRow(row.Line, $"The same course as line {line} (same provider and id, or same link)."));
                continue;
            }

            accepted.Add(details);
        }

        return new ImportRowsResult(accepted, rejected, unknown);
    }

    private static Dictionary<string, int> FirstLines(CsvTable table, int upTo, ColumnMapping mapping, ImportDefaults defaults)
    {
        int Index(ImportField field) => mapping.ColumnOf(field) is { } column
            ? table.Headers.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase))
            : -1;
        string? Cell(CsvRow row, int at) => at >= 0 && at < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[at]) ? row.Cells[at].Trim() : null;

        var (provider, id, link) = (Index(ImportField.Provider), Index(ImportField.ProviderCourseId), Index(ImportField.Link));
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Take(upTo))
        {
            if (Cell(row, link) is { } url)
            {
                first.TryAdd(Course.ImportKeyOf(Cell(row, provider) ?? defaults.Provider, Cell(row, id), url), row.Line);
            }
        }

        return first;
    }
}
