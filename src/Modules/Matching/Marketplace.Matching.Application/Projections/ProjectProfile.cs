using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Application.Taxonomy;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Taxonomy;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Profiles.Contracts;
using Marketplace.Skills.Scoring;

namespace Marketplace.Matching.Application.Projections;

/// <summary>
/// Keeps matching's projection of a profile: the whole profile of the newest revision (an older one arriving late is ignored), or
/// a tombstone once it is removed. An applied change is announced (<see cref="MatchInputsChanged"/>) so that, after commit,
/// the lists it changes are stored; a delivery of many changes announces only its last position (PublishLatest), as the
/// lists are stored up to a position.
/// </summary>
[IntegrationEventHandler("matching.project-profile")]
public sealed class ProjectProfile(IProjectionStore store, IIntegrationEventPublisher events, TimeProvider clock, UnknownMentionFilter filter, IUnknownMentions mentions)
    : IIntegrationEventHandler<ProfileChanged>, IIntegrationEventHandler<ProfileRemoved>
{
    public async Task HandleAsync(ProfileChanged integrationEvent, CancellationToken cancellationToken)
    {
        await ApplyAsync(ToProjection(integrationEvent), cancellationToken);
        // What the seeker wrote that no skill matched goes to the admins' queue, once per profile.
        var unknown = filter.Unknown(integrationEvent.UnrecognisedSkills.Select(s => s.Mention));
        if (unknown.Count > 0)
            await mentions.RecordAsync(MentionSource.Profile, integrationEvent.ProfileId.ToString(), unknown, clock.GetUtcNow(), cancellationToken);
    }

    public Task HandleAsync(ProfileRemoved integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(ProfileProjection.Tombstone(integrationEvent.ProfileId, integrationEvent.Revision), cancellationToken);

    public static ProfileProjection ToProjection(ProfileChanged e)
    {
        var location = e.Locations.FirstOrDefault();
        return new ProfileProjection(
            e.ProfileId,
            e.Revision,
            removed: false,
            Enum.TryParse<ProfileVisibility>(e.Visibility, ignoreCase: true, out var visibility) ? visibility : ProfileVisibility.Private,
            [.. e.Skills.Select(s => new ProjectedSkill(s.SkillId, s.Level, s.Years is { } y ? (double)y : null))],
            Enum.TryParse<Seniority>(e.Seniority, ignoreCase: true, out var seniority) ? seniority : null,
            RemoteOf(e.WorkModes),
            location?.Country,
            location?.City,
            e.WillingToRelocate,
            e.MinimumSalary is { } salary ? (double)salary.YearlyAmount : null,
            [.. e.UnrecognisedSkills.Select(s => new ProjectedMention(s.Mention, s.Level))]);
    }

    // One stated work mode is a preference; none or several accept any.
    private static RemotePreference RemoteOf(IReadOnlyList<string> modes) =>
        modes.Count == 1 && Enum.TryParse<RemotePreference>(modes[0], ignoreCase: true, out var mode) ? mode : RemotePreference.Any;

    private async Task ApplyAsync(ProfileProjection projection, CancellationToken cancellationToken)
    {
        if (await store.ApplyAsync(projection, cancellationToken) is { } sequence)
            events.PublishLatest(new MatchInputsChanged(Guid.NewGuid(), clock.GetUtcNow(), sequence));
    }
}
