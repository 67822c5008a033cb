using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;
using Mediator;

namespace Marketplace.Profiles.Application.Profiles.Save;

/// <summary>
/// A seeker states their whole profile, at the <see cref="Version"/> they read (0 for a new one); a stale version is a
/// conflict, never a silent overwrite. Matching hears of it through ProfileChanged. Answers the new version.
/// </summary>
public sealed record SaveMyProfile(
    long Version,
    string? DisplayName,
    string? Headline,
    string? Summary,
    IReadOnlyList<SkillInput>? Skills,
    PreferencesInput? Preferences) : ICommand<Result<long>>;

public sealed class SaveMyProfileValidator : AbstractValidator<SaveMyProfile>
{
    public SaveMyProfileValidator(TimeProvider clock)
    {
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
        RuleFor(c => c.DisplayName).MaximumLength(SeekerProfile.MaxDisplayNameLength);
        RuleFor(c => c.Headline).MaximumLength(SeekerProfile.MaxHeadlineLength);
        RuleFor(c => c.Summary).MaximumLength(SeekerProfile.MaxSummaryLength);
        RuleFor(c => c.Skills).Must(s => s is null || s.Count <= SeekerProfile.MaxSkills)
            .WithMessage($"A profile holds at most {SeekerProfile.MaxSkills} skills.");
        RuleForEach(c => c.Skills).NotNull().SetValidator(new SkillInputValidator(clock));
        RuleFor(c => c.Preferences!).SetValidator(new PreferencesInputValidator()).When(c => c.Preferences is not null);
    }
}

public sealed class SaveMyProfileHandler(
    IProfileRepository profiles,
    ITaxonomy taxonomy,
    IIntegrationEventPublisher events,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<SaveMyProfile, Result<long>>
{
    public async ValueTask<Result<long>> Handle(SaveMyProfile command, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is not { } userId || !currentUser.IsInRole(Roles.JobSeeker))
        {
            return Error.Forbidden("Only job seekers keep a skills profile.");
        }

        var now = clock.GetUtcNow();
        var profile = await profiles.GetForUpdateAsync(userId, command.Version, cancellationToken);
        if ((profile?.Revision ?? 0) != command.Version)
        {
            return Error.Conflict("profile.stale_version", "Your profile changed since you read it; reload it and make your changes again.");
        }

        var resolution = SkillResolution.Of(command.Skills ?? [], taxonomy);
        if (resolution.Errors.Count > 0)
        {
            return Result<long>.Failure(resolution.Errors);
        }

        var isNew = profile is null;
        profile ??= SeekerProfile.Start(userId, now);
        var updated = profile.Update(
            new ProfileDetails(command.DisplayName, command.Headline, command.Summary, resolution.Entries, command.Preferences.ToPreferences()),
            now);
        if (updated.IsFailure)
        {
            return Result<long>.Failure(resolution.AsSent(updated.Errors));
        }

        if (isNew)
        {
            profiles.Add(profile);
        }

        // Unrecognised skills reach the admins' queue through this event (the matching module counts each profile once).
        events.Publish(ProfileEventsMapping.Changed(profile, now));
        return profile.Revision;
    }
}
