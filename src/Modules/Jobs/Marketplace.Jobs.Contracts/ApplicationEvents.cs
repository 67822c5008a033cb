using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Jobs.Contracts;

/// <summary>
/// A seeker applied to a posting. <see cref="MatchScore"/> is the score matching gave when they applied (null while
/// matching has none): with the stage changes that follow, what ranking learns from.
/// </summary>
[IntegrationEvent("jobs.application-submitted")]
public sealed record ApplicationSubmitted(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, Guid PostingId, Guid? CompanyId, Guid ApplicantId, decimal? MatchScore) : IIntegrationEvent;

/// <summary>The company moved an application from one stage to another (Applied, Screening, Interview, Offer, Hired, Rejected).</summary>
[IntegrationEvent("jobs.application-stage-changed")]
public sealed record ApplicationStageChanged(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, Guid PostingId, Guid? CompanyId, string From, string To, int Revision) : IIntegrationEvent;

/// <summary>The applicant withdrew their application at <see cref="FromStage"/>.</summary>
[IntegrationEvent("jobs.application-withdrawn")]
public sealed record ApplicationWithdrawn(
    Guid EventId, DateTimeOffset OccurredAt, Guid ApplicationId, Guid PostingId, Guid? CompanyId, string FromStage) : IIntegrationEvent;

/// <summary>The OAuth scope with which an employer's applicant tracking system moves applications through its pipeline.</summary>
public static class ApplicationsApi
{
    public const string WriteScope = "applications:write";

    /// <summary>The policy the identity module makes of the scope (see ApiScope.Policy).</summary>
    public const string WritePolicy = "Api:" + WriteScope;
}
