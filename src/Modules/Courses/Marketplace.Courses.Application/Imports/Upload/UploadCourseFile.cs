using System.Text;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Courses.Domain.Imports;
using Mediator;

namespace Marketplace.Courses.Application.Imports.Upload;

/// <summary>
/// An admin uploads a provider's CSV file: it is kept for the preview with a first column mapping (the one remembered for
/// this source, else a guess from the headers); nothing reaches the catalog until the admin starts the import.
/// </summary>
public sealed record UploadCourseFile(string? Source, string? FileName, byte[] Content) : ICommand<Result<Guid>>;

public sealed class UploadCourseFileValidator : AbstractValidator<UploadCourseFile>
{
    public UploadCourseFileValidator()
    {
        RuleFor(c => c.Source).NotEmpty().WithMessage("Name the provider or aggregator the file comes from.").MaximumLength(100);
        RuleFor(c => c.Content).NotNull().Must(c => c.Length > 0).WithMessage("Choose a CSV file.").OverridePropertyName("Upload");
        RuleFor(c => c.Content).Must(c => c is null || c.Length <= CourseImport.MaxFileBytes)
            .WithMessage($"The file is larger than {CourseImport.MaxFileBytes / 1024 / 1024} MB.").OverridePropertyName("Upload");
    }
}

public sealed class UploadCourseFileHandler(ICsvReader csv, ICourseImportRepository imports, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UploadCourseFile, Result<Guid>>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async ValueTask<Result<Guid>> Handle(UploadCourseFile command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } admin || !currentUser.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins import courses.");
        }

        string content;
        try
        {
            content = StrictUtf8.GetString(command.Content);
        }
        catch (DecoderFallbackException)
        {
            // Spreadsheet exports on Windows are often Windows-1252; Latin-1 reads them without losing a row.
            content = Encoding.Latin1.GetString(command.Content);
        }

        var table = csv.Read(content.TrimStart('\uFEFF'));
        if (table.IsFailure)
        {
            return Result<Guid>.Failure(table.Errors);
        }

        var sourceKey = CourseImport.KeyOf(command.Source!);
        var remembered = await imports.FindMappingAsync(sourceKey, cancellationToken);
        var guessed = ColumnMapping.Guess(table.Value.Headers);
        var mapping = remembered is null
            ? guessed
            : new ColumnMapping(new ColumnMapping(remembered.Columns).For(table.Value.Headers).Columns
                .Concat(guessed.Columns.Where(g => !remembered.Columns.ContainsKey(g.Key)))
                .ToDictionary(c => c.Key, c => c.Value));
        var import = CourseImport.Upload(Guid.CreateVersion7(clock.GetUtcNow()), command.Source!, command.FileName ?? "courses.csv", content, table.Value.Rows.Count, mapping, admin, clock.GetUtcNow());
        if (import.IsFailure)
        {
            return Result<Guid>.Failure(import.Errors);
        }

        imports.Add(import.Value);
        return import.Value.Id;
    }
}
