using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Domain.Imports;
using nietras.SeparatedValues;

namespace Marketplace.Courses.Infrastructure.Imports;

/// <summary>CSV through Sep: the separator is detected from the header (comma, semicolon, tab or pipe), quotes are unescaped.</summary>
internal sealed class SepCsvReader : ICsvReader
{
    public Result<CsvTable> Read(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return Error.Validation("Upload", "The file is empty.");
        }

        try
        {
            using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(content);
            var headers = reader.Header.ColNames.Select(h => h.Trim()).ToList();
            if (headers.Count < 2 || headers.All(string.IsNullOrWhiteSpace))
            {
                return Error.Validation("Upload", "The file's first line must name its columns, separated by commas, semicolons or tabs.");
            }

            var duplicate = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                return Error.Validation("Upload", $"Two columns are named '{duplicate.Key}'; give each column its own name.");
            }

            var rows = new List<CsvRow>();
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }

                if (cells.Length == 1 && cells[0].Length == 0)
                {
                    continue;
                }

                rows.Add(new CsvRow(row.LineNumberFrom, cells));
                if (rows.Count > CourseImport.MaxRows)
                {
                    break;
                }
            }

            return new CsvTable(headers, rows);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException)
        {
            return Error.Validation("Upload", $"The file is not a CSV file we can read: {exception.Message}");
        }
    }
}
