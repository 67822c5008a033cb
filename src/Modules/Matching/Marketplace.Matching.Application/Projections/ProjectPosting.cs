using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Contracts;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Domain.Projections;
using Marketplace.Skills.Scoring;

namespace Marketplace.Matching.Application.Projections;

/// <summary>
/// Keeps matching's projection of a posting from the snapshot every posting event carries, newest revision only. A posting whose
/// status is not Published (closed, expired, on hold) stays projected but leaves every list. Announced as profiles are
/// (<see cref="ProjectProfile"/>): one <see cref="MatchInputsChanged"/> a delivery, at its last position.
/// </summary>
[IntegrationEventHandler("matching.project-posting")]
public sealed class ProjectPosting(IProjectionStore store, IIntegrationEventPublisher events, TimeProvider clock)
    : IIntegrationEventHandler<PostingPublished>, IIntegrationEventHandler<PostingChanged>, IIntegrationEventHandler<PostingClosed>
{
    public Task HandleAsync(PostingPublished integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Posting, cancellationToken);

    public Task HandleAsync(PostingChanged integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Posting, cancellationToken);

    public Task HandleAsync(PostingClosed integrationEvent, CancellationToken cancellationToken) => ApplyAsync(integrationEvent.Posting, cancellationToken);

    public static PostingProjection ToProjection(PostingSnapshot p)
    {
        var place = p.Places.FirstOrDefault();
        return new PostingProjection(
            p.PostingId,
            p.Revision,
            p.CompanyId,
            p.Title,
            p.Company,
            p.Status,
            [.. p.Skills.Select(s => new ProjectedRequirement(s.SkillId, s.MinLevel, s.Weight, s.Required, s.Required && s.Dealbreaker))],
            Enum.TryParse<Seniority>(p.Seniority, ignoreCase: true, out var seniority) ? seniority : null,
            Enum.TryParse<WorkMode>(p.WorkMode, ignoreCase: true, out var mode) ? mode : WorkMode.OnSite,
            place?.Country ?? p.AcceptedCountries.FirstOrDefault(),
            place?.City,
            p.Salary.YearlyMin > 0 ? (double)p.Salary.YearlyMin : null,
            p.Salary.YearlyMax > 0 ? (double)p.Salary.YearlyMax : null);
    }

    private async Task ApplyAsync(PostingSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (await store.ApplyAsync(ToProjection(snapshot), cancellationToken) is { } sequence)
            events.PublishLatest(new MatchInputsChanged(Guid.NewGuid(), clock.GetUtcNow(), sequence));
    }
}
