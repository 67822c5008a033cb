using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Cv;
using Marketplace.Profiles.Domain.Profiles;
using Mediator;

namespace Marketplace.Profiles.Application.Import.Confirm;

public sealed record ImportedDto(int Added, int Updated, long Version);

/// <summary>
/// The seeker confirms (and perhaps corrects) the skills read from their CV: they are added to the profile, or update the
/// ones it has, and the CV's text is kept in place of the last one. The first write of the import.
/// </summary>
public sealed record ConfirmCvImport(long Version, string? CvText, string? FileName, string? Format, IReadOnlyList<SkillInput>? Skills)
    : ICommand<Result<ImportedDto>>;

public sealed class ConfirmCvImportValidator : AbstractValidator<ConfirmCvImport>
{
    public ConfirmCvImportValidator(TimeProvider clock)
    {
        RuleFor(c => c.CvText).NotEmpty().MaximumLength(CvDocument.MaxTextLength);
        RuleFor(c => c.Format).NotEmpty().IsEnumName(typeof(CvFormat), caseSensitive: false);
        RuleFor(c => c.Skills).Must(s => s is null || s.Count <= SeekerProfile.MaxSkills)
            .WithMessage($"A profile holds at most {SeekerProfile.MaxSkills} skills.");
        RuleForEach(c => c.Skills).NotNull().SetValidator(new SkillInputValidator(clock));
        RuleForEach(c => c.Skills).ChildRules(skill => skill.RuleFor(s => s.SkillId).NotEmpty()
            .WithMessage("Each imported skill is one the taxonomy found."));
    }
}

public sealed class ConfirmCvImportHandler(
    IProfileRepository profiles,
    ITaxonomy taxonomy,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<ConfirmCvImport, Result<ImportedDto>>
{
    public async ValueTask<Result<ImportedDto>> Handle(ConfirmCvImport command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers keep a skills profile.");
        }

        var now = clock.GetUtcNow();
        var profile = await profiles.GetForUpdateAsync(userId, command.Version, cancellationToken);
        if ((profile?.Revision ?? 0) != command.Version)
        {
            return Error.Conflict("profile.stale_version", "Your profile changed since you read the CV; read it again.");
        }

        var resolution = SkillResolution.Of(command.Skills ?? [], taxonomy);
        if (resolution.Errors.Count > 0)
        {
            return Result<ImportedDto>.Failure(resolution.Errors);
        }

        var isNew = profile is null;
        profile ??= SeekerProfile.Start(userId, now);
        var imported = profile.ImportSkills(resolution.Entries, now);
        if (imported.IsFailure)
        {
            return Result<ImportedDto>.Failure(resolution.AsSent(imported.Errors));
        }

        var format = Enum.Parse<CvFormat>(command.Format!, ignoreCase: true);
        if (await profiles.GetCvForUpdateAsync(userId, cancellationToken) is { } cv)
        {
            var replaced = cv.Replace(command.CvText!, command.FileName, format, now);
            if (replaced.IsFailure)
            {
                return Result<ImportedDto>.Failure(replaced.Errors);
            }
        }
        else
        {
            var kept = CvDocument.Keep(userId, command.CvText!, command.FileName, format, now);
            if (kept.IsFailure)
            {
                return Result<ImportedDto>.Failure(kept.Errors);
            }

            profiles.Add(kept.Value);
        }

        var (added, updated) = imported.Value;
        if (added + updated > 0)
        {
            if (isNew)
            {
                profiles.Add(profile);
            }

            events.Publish(ProfileEventsMapping.Changed(profile, now));
        }

        return new ImportedDto(added, updated, profile.Revision);
    }
}
