using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Mediator;

namespace Marketplace.Profiles.Application.Import.Read;

/// <summary>
/// A skill the CV mentions, with what the text suggests for it, and what the profile already says about it (null when
/// the skill is new to the profile).
/// </summary>
public sealed record FoundSkillDto(
    string SkillId,
    string Name,
    string Category,
    IReadOnlyList<string> Evidence,
    int SuggestedLevel,
    decimal? SuggestedYears,
    int? SuggestedLastUsed,
    SkillDto? OnProfile);

/// <summary>What a CV says, for the seeker to confirm or correct; nothing of it is stored yet.</summary>
public sealed record CvReading(string Text, string Format, string? FileName, bool Truncated, IReadOnlyList<FoundSkillDto> Skills, long Version);

/// <summary>Reads an uploaded CV file (at most 5 MB), pasted text or the CV imported last, and finds its skills; stores nothing.</summary>
public sealed record ReadCv(string? FileName, byte[]? File, string? PastedText, bool UseLastCv = false) : IQuery<Result<CvReading>>;

public sealed class ReadCvValidator : AbstractValidator<ReadCv>
{
    public const int MaxFileBytes = 5 * 1024 * 1024;

    public ReadCvValidator()
    {
        RuleFor(q => q.File).Must(f => f is { Length: > 0 }).When(q => string.IsNullOrWhiteSpace(q.PastedText) && !q.UseLastCv)
            .WithMessage("Choose a PDF, Word (.docx) or text file, or paste your CV's text.");
        RuleFor(q => q.File).Must(f => f is null || f.Length <= MaxFileBytes)
            .WithMessage("The file is larger than 5 MB. Save a smaller PDF (without images), or paste the text.");
        RuleFor(q => q.PastedText).MaximumLength(CvDocument.MaxTextLength)
            .WithMessage($"Paste at most {CvDocument.MaxTextLength:N0} characters.").OverridePropertyName("Text");
        RuleFor(q => q.FileName).MaximumLength(1_000);
    }
}

public sealed class ReadCvHandler(
    ICvTextReader reader, ICvReadingQuota quota, ITaxonomy taxonomy, IProfileRepository profiles, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<ReadCv, Result<CvReading>>
{
    public async ValueTask<Result<CvReading>> Handle(ReadCv query, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers keep a skills profile.");
        }

        if (!quota.TryTake(userId))
        {
            return Error.Validation("File", $"You have read {ICvReadingQuota.PerWindow} CVs in the last {ICvReadingQuota.Window.TotalMinutes:0} minutes. Wait a few minutes, then try again.");
        }

        var fileName = query.File is null ? null : query.FileName;
        Result<CvText> read;
        if (query.UseLastCv)
        {
            var last = await profiles.FindCvAsync(userId, cancellationToken);
            if (last is null)
            {
                return Error.Validation("File", "There is no CV from before; choose a file or paste the text.");
            }

            read = new CvText(last.Text, last.Format, false);
            fileName = last.FileName;
        }
        else
        {
            read = query.File is { Length: > 0 } file
                ? reader.Read(query.FileName, file)
                : new CvText(query.PastedText!.Trim(), CvFormat.Pasted, false);
        }

        if (read.IsFailure)
        {
            return Result<CvReading>.Failure(read.Errors);
        }

        var cv = read.Value;
        var profile = await profiles.FindAsync(userId, cancellationToken);
        var current = MyProfileDto.From(profile, null, taxonomy).Skills;
        var found = CvSkillFinder.Find(cv.Text, taxonomy, clock.GetUtcNow().Year)
            .Select(f => new FoundSkillDto(
                f.Skill.Id,
                f.Skill.Name,
                f.Skill.Category,
                f.Evidence,
                (int)f.SuggestedLevel,
                f.Years,
                f.LastUsed,
                current.FirstOrDefault(s => s.SkillId == f.Skill.Id)))
            .ToList();
        return new CvReading(cv.Text, cv.Format.ToString(), fileName, cv.Truncated, found, profile?.Revision ?? 0);
    }
}
