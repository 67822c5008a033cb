using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Profiles.Domain.Cv;

public enum CvFormat { Pasted, Text, Pdf, Docx }

/// <summary>
/// The text of the CV a seeker imported last (the uploaded file itself is never kept): for the personal-data download,
/// and to import again without uploading. One per seeker; its id is the seeker's user id.
/// </summary>
public sealed class CvDocument : AggregateRoot<Guid>
{
    public const int MaxTextLength = 100_000;
    public const int MaxFileNameLength = 255;

    private CvDocument()
    {
    }

    public string Text { get; private set; } = "";

    public string? FileName { get; private set; }

    public CvFormat Format { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public static Result<CvDocument> Keep(Guid userId, string text, string? fileName, CvFormat format, DateTimeOffset now)
    {
        var document = new CvDocument { Id = userId };
        var replaced = document.Replace(text, fileName, format, now);
        return replaced.IsSuccess ? document : Result<CvDocument>.Failure(replaced.Errors);
    }

    public Result Replace(string text, string? fileName, CvFormat format, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)
        {
            return Error.Validation("CvText", $"A CV's text has 1 to {MaxTextLength:N0} characters.");
        }

        Text = text;
        // Browsers on Windows may send the whole path; only the name is kept.
        var name = fileName?.Trim().Split('/', '\\')[^1];
        FileName = string.IsNullOrWhiteSpace(name) ? null : name[..Math.Min(name.Length, MaxFileNameLength)];
        Format = format;
        ImportedAt = now;
        return Result.Success();
    }
}
