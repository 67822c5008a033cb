using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Jobs.Contracts;

/// <summary>A skill a posting asks for, by canonical taxonomy id, as matching weighs it.</summary>
public sealed record PostingSkillRequirement(string SkillId, int MinLevel, int Weight, bool Required, bool Dealbreaker);

/// <summary>A place of work: a city and its ISO 3166 country code.</summary>
public sealed record PostingPlace(string City, string Country);

/// <summary>
/// A salary range as stated (per <see cref="Period"/>: Year, Month, Day or Hour, in the ISO 4217 <see cref="Currency"/>) and
/// as yearly amounts (months x 12, days x 220, hours x 1,760), which is what comparisons use.
/// </summary>
public sealed record PostingSalary(decimal Min, decimal Max, string Currency, string Period, decimal YearlyMin, decimal YearlyMax);

/// <summary>
/// A posting as other modules see it at one moment. <see cref="Revision"/> grows with every change, so a consumer that
/// receives events out of order keeps the highest. <see cref="Status"/> is Published, Closed, Expired or OnHold;
/// <see cref="AcceptedCountries"/> is empty for a remote posting open to anywhere.
/// </summary>
public sealed record PostingSnapshot(
    Guid PostingId,
    int Revision,
    Guid? CompanyId,
    string Title,
    string Company,
    string Status,
    string Seniority,
    string WorkMode,
    IReadOnlyList<PostingPlace> Places,
    IReadOnlyList<string> AcceptedCountries,
    PostingSalary Salary,
    IReadOnlyList<PostingSkillRequirement> Skills,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt);

/// <summary>A draft was published: the posting is open and searchable from now on.</summary>
[IntegrationEvent("jobs.posting-published")]
public sealed record PostingPublished(Guid EventId, DateTimeOffset OccurredAt, PostingSnapshot Posting) : IIntegrationEvent;

/// <summary>
/// A posting others already knew changed: edited, renewed, renewed after it expired, or released from hold. Its status says
/// whether it is open again (Published) or still out of sight.
/// </summary>
[IntegrationEvent("jobs.posting-changed")]
public sealed record PostingChanged(Guid EventId, DateTimeOffset OccurredAt, PostingSnapshot Posting) : IIntegrationEvent;

/// <summary>
/// A posting stopped taking candidates: <see cref="Reason"/> is Filled or Withdrawn (the employer closed it), Expired, or
/// OnHold (a moderator took it out of sight; it may come back through <see cref="PostingChanged"/>).
/// </summary>
[IntegrationEvent("jobs.posting-closed")]
public sealed record PostingClosed(Guid EventId, DateTimeOffset OccurredAt, PostingSnapshot Posting, string Reason) : IIntegrationEvent;
