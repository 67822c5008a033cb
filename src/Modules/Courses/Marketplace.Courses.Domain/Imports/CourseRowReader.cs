using Marketplace.Courses.Domain.Catalog;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Courses.Domain.Imports;

/// <summary>What one row of a file became: a course's details, or why it was rejected; and the skill mentions no one knows.</summary>
public sealed record RowOutcome(int Line, CourseDetails? Details, string? Rejection, IReadOnlyList<string> UnknownMentions)
{
    public bool Accepted => Details is not null;
}

/// <summary>The defaults of one import: the source's name stands for the provider when no column says it.</summary>
public sealed record ImportDefaults(string Provider, string Currency = "USD", string Language = "en");

/// <summary>
/// Turns a CSV row into a course through a column mapping. Skills resolve through the taxonomy (a compound mention such as
/// "C#/.NET" gives each skill); a mention it does not know is reported, and a row none of whose skills are known is
/// rejected. Each rejection names the field and what was wrong with it.
/// </summary>
public sealed class CourseRowReader(SkillTaxonomy taxonomy)
{
    public RowOutcome Read(CsvTable table, CsvRow row, ColumnMapping mapping, ImportDefaults defaults)
    {
        string? Cell(ImportField field)
        {
            if (mapping.ColumnOf(field) is not { } column)
            {
                return null;
            }

            var at = IndexOf(table.Headers, column);
            return at >= 0 && at < row.Cells.Count ? row.Cells[at].Trim() : null;
        }

        RowOutcome Reject(string reason, IReadOnlyList<string>? unknown = null) => new(row.Line, null, reason, unknown ?? []);

        if (row.Cells.All(string.IsNullOrWhiteSpace))
        {
            return Reject("The row is empty.");
        }

        // A value with an unquoted separator shifts every later cell: say so rather than blame whichever cell moved.
        var extra = row.Cells.Skip(table.Headers.Count).Count(c => !string.IsNullOrWhiteSpace(c));
        if (extra > 0)
        {
            return Reject($"The row has {table.Headers.Count + extra} values but the first line names {table.Headers.Count} columns: a value that contains the separator needs quotes.");
        }

        var title = Cell(ImportField.Title);
        if (string.IsNullOrWhiteSpace(title))
        {
            return Reject("Title is empty.");
        }

        var link = Cell(ImportField.Link);
        if (!Course.IsWebLink(link))
        {
            return Reject(string.IsNullOrWhiteSpace(link) ? "Link is empty." : $"Link '{Short(link)}' is not a full http or https address.");
        }

        var duration = Durations.ToHours(Cell(ImportField.Duration));
        if (duration.IsFailure)
        {
            return Reject(string.IsNullOrWhiteSpace(Cell(ImportField.Duration)) ? "Duration is empty." : duration.FirstError.Message);
        }

        var priceText = Cell(ImportField.Price);
        if (CourseWords.Price(priceText) is not { } price)
        {
            return Reject(string.IsNullOrWhiteSpace(priceText) ? "Price is empty (write 0 or Free for a free course)." : $"Price '{Short(priceText)}' is not an amount.");
        }

        var currencyText = Cell(ImportField.Currency);
        var currency = !string.IsNullOrWhiteSpace(currencyText) ? currencyText.Trim().ToUpperInvariant() : price.Currency ?? defaults.Currency;
        if (!CourseWords.Currencies.Contains(currency))
        {
            return Reject($"Currency '{Short(currency)}' is not an ISO 4217 code we take (such as USD, EUR, GBP).");
        }

        var formatText = Cell(ImportField.Format);
        CourseFormat format = CourseFormat.SelfPaced;
        if (!string.IsNullOrWhiteSpace(formatText))
        {
            if (CourseWords.Format(formatText) is not { } known)
            {
                return Reject($"Format '{Short(formatText)}' is not one we know (self-paced, interactive, live online, in person, book, bootcamp).");
            }

            format = known;
        }

        var levelText = Cell(ImportField.Level);
        CourseLevel level = CourseLevel.Beginner;
        if (!string.IsNullOrWhiteSpace(levelText))
        {
            if (CourseWords.Level(levelText) is not { } known)
            {
                return Reject($"Level '{Short(levelText)}' is not beginner, intermediate or advanced.");
            }

            level = known;
        }

        var languageText = Cell(ImportField.Language);
        var language = string.IsNullOrWhiteSpace(languageText) ? CourseLanguages.Find(defaults.Language) : CourseLanguages.Find(languageText);
        if (language is null)
        {
            return Reject($"Language '{Short(languageText)}' is not one we know.");
        }

        var (teaches, unknown) = Skills(Cell(ImportField.Skills), level);
        if (teaches.Count == 0)
        {
            return Reject(unknown.Count == 0 ? "Skills is empty." : $"None of its skills is known: {string.Join(", ", unknown.Take(5))}.", unknown);
        }

        var provider = Cell(ImportField.Provider);
        var details = new CourseDetails(
            title,
            string.IsNullOrWhiteSpace(provider) ? defaults.Provider : provider,
            Cell(ImportField.ProviderCourseId),
            link!,
            format,
            level,
            duration.Value,
            price.Amount,
            currency,
            language.Code,
            Cell(ImportField.Summary) is { Length: > Course.MaxSummaryLength } longSummary ? longSummary[..Course.MaxSummaryLength] : Cell(ImportField.Summary),
            teaches);
        var errors = Course.Check(details);
        return errors.Count > 0 ? Reject($"{errors[0].Field}: {errors[0].Message}", unknown) : new RowOutcome(row.Line, details, null, unknown);
    }

    /// <summary>The skills of a cell: every skill each mention names, at its stated level or the course level's default.</summary>
    public (IReadOnlyList<TaughtSkill> Teaches, IReadOnlyList<string> Unknown) Skills(string? cell, CourseLevel level)
    {
        var teaches = new List<TaughtSkill>();
        var unknown = new List<string>();
        foreach (var mention in SkillsCell.Split(cell))
        {
            var skills = taxonomy.Find(mention.Text.ToLowerInvariant()) is { } byId ? [byId] : taxonomy.Normalize(mention.Text);
            if (skills.Count == 0)
            {
                unknown.Add(mention.Text);
                continue;
            }

            foreach (var skill in skills)
            {
                var upTo = mention.Level ?? CourseWords.DefaultSkillLevel(level);
                var at = teaches.FindIndex(t => t.SkillId == skill.Id);
                if (at < 0)
                {
                    teaches.Add(new TaughtSkill(skill.Id, upTo));
                }
                else if (teaches[at].UpToLevel < upTo)
                {
                    teaches[at] = new TaughtSkill(skill.Id, upTo);
                }
            }
        }

        return ([.. teaches.Take(Course.MaxSkills)], unknown);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;
}
