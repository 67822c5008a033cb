using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Applications;

/// <summary>A reason the company gives a rejected applicant: a short title for the pipeline's list and the text the applicant reads.</summary>
public sealed record RejectionTemplate(string Title, string Text);

/// <summary>
/// The rejection reasons a company (or an employer without one: <see cref="OwnerId"/> is the company's id or the employer's)
/// chooses from. Until it edits them it has <see cref="Defaults"/>.
/// </summary>
public sealed class RejectionTemplates : AggregateRoot<Guid>
{
    public const int MaxTemplates = 20;
    public const int MaxTitleLength = 100;

    public static readonly IReadOnlyList<RejectionTemplate> Defaults =
    [
        new("Skills", "Thank you for applying. We chose candidates whose skills are closer to what this role needs right now."),
        new("Experience", "Thank you for applying. For this role we are looking for someone with more experience in the skills it asks for."),
        new("Filled", "Thank you for applying. We have filled this role and are no longer taking candidates for it."),
        new("Location", "Thank you for applying. We cannot hire for this role where you would work from."),
    ];

    private List<RejectionTemplate> _items = [];

    private RejectionTemplates()
    {
    }

    public IReadOnlyList<RejectionTemplate> Items => _items;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RejectionTemplates Start(Guid ownerId, DateTimeOffset now) => new() { Id = ownerId, _items = [.. Defaults], UpdatedAt = now };

    /// <summary>Replaces the list; rows left blank are dropped, and each kept row needs a title and a text.</summary>
    public Result Replace(IReadOnlyList<(string? Title, string? Text)> rows, DateTimeOffset now)
    {
        var errors = new List<Error>();
        var kept = new List<RejectionTemplate>();
        for (var i = 0; i < rows.Count; i++)
        {
            var title = rows[i].Title?.Trim();
            var text = rows[i].Text?.Trim();
            if (string.IsNullOrEmpty(title) && string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (string.IsNullOrEmpty(title) || title.Length > MaxTitleLength)
            {
                errors.Add(Error.Validation($"Templates[{i}].Title", $"A reason needs a title of 1 to {MaxTitleLength} characters."));
            }

            if (string.IsNullOrEmpty(text) || text.Length > JobApplication.MaxReasonLength)
            {
                errors.Add(Error.Validation($"Templates[{i}].Text", $"A reason needs a text of 1 to {JobApplication.MaxReasonLength:N0} characters."));
            }

            kept.Add(new RejectionTemplate(title ?? "", text ?? ""));
        }

        if (kept.Count == 0)
        {
            errors.Add(Error.Validation("Templates", "Keep at least one reason."));
        }
        else if (kept.Count > MaxTemplates)
        {
            errors.Add(Error.Validation("Templates", $"A company keeps at most {MaxTemplates} reasons."));
        }

        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        _items = kept;
        UpdatedAt = now;
        return Result.Success();
    }
}
