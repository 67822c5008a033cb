using System.Text.RegularExpressions;

namespace Marketplace.Courses.Domain.Imports;

/// <summary>The catalog's fields a CSV column can be mapped to.</summary>
public enum ImportField
{
    Title,
    Provider,
    ProviderCourseId,
    Link,
    Format,
    Level,
    Duration,
    Price,
    Currency,
    Language,
    Skills,
    Summary,
}

/// <summary>A CSV file read into its header and rows, each row with the line of the file it starts on.</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows);

public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>Which column (by its header) feeds each field; a field without a column takes the import's default, if it has one.</summary>
public sealed partial record ColumnMapping(IReadOnlyDictionary<ImportField, string> Columns)
{
    public static IReadOnlyList<ImportField> Required { get; } = [ImportField.Title, ImportField.Link, ImportField.Duration, ImportField.Price, ImportField.Skills];

    public static string Label(ImportField field) => field switch
    {
        ImportField.ProviderCourseId => "Provider's course id",
        ImportField.Duration => "Duration (hours)",
        ImportField.Skills => "Skills taught",
        _ => field.ToString(),
    };

    public string? ColumnOf(ImportField field) => Columns.GetValueOrDefault(field);

    public IReadOnlyList<ImportField> MissingRequired => [.. Required.Where(f => !Columns.ContainsKey(f))];

    /// <summary>Only the columns the file has: a remembered mapping may name a column this file lacks.</summary>
    public ColumnMapping For(IReadOnlyList<string> headers) =>
        new(Columns.Where(c => headers.Contains(c.Value, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(c => c.Key, c => headers.First(h => string.Equals(h, c.Value, StringComparison.OrdinalIgnoreCase))));

    /// <summary>A first mapping from the headers' usual names ("Course Name", "URL", "Duration", "Skills"...).</summary>
    public static ColumnMapping Guess(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<ImportField, string>();
        foreach (var header in headers)
        {
            var key = HeaderKey().Replace(header.Trim().ToLowerInvariant(), "");
            ImportField? field = key switch
            {
                "title" or "coursetitle" or "name" or "coursename" or "course" => ImportField.Title,
                "provider" or "providername" or "platform" or "organization" or "organisation" or "partner" or "institution" or "vendor" => ImportField.Provider,
                "id" or "courseid" or "providerid" or "providercourseid" or "sku" or "code" or "coursecode" or "externalid" => ImportField.ProviderCourseId,
                "link" or "url" or "courseurl" or "courselink" or "href" or "website" => ImportField.Link,
                "format" or "type" or "coursetype" or "deliverymode" or "delivery" or "mode" or "modality" => ImportField.Format,
                "level" or "difficulty" or "difficultylevel" or "courselevel" or "audience" => ImportField.Level,
                "duration" or "hours" or "length" or "time" or "timetocomplete" or "effort" or "estimatedtime" or "contentduration" or "durationhours" => ImportField.Duration,
                "price" or "cost" or "fee" or "listprice" or "priceusd" or "priceeur" or "amount" => ImportField.Price,
                "currency" or "currencycode" => ImportField.Currency,
                "language" or "lang" or "languagecode" or "locale" => ImportField.Language,
                "skills" or "skill" or "skillstaught" or "skillsyouwillgain" or "skillsgained" or "topics" or "tags" or "subjects" or "competencies" => ImportField.Skills,
                "summary" or "description" or "about" or "overview" or "shortdescription" => ImportField.Summary,
                _ => null,
            };
            if (field is { } f && !columns.ContainsKey(f))
            {
                columns[f] = header;
            }
        }

        return new ColumnMapping(columns);
    }

    [GeneratedRegex(@"[^a-z0-9]")]
    private static partial Regex HeaderKey();
}
