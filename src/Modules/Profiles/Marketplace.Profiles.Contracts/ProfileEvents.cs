using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Profiles.Contracts;

/// <summary>A skill on a profile as matching needs it: canonical id, level 1 to 5, years of use and the year last used.</summary>
public sealed record ProfileSkillData(string SkillId, int Level, decimal? Years, int? LastUsedYear);

/// <summary>A mention the taxonomy did not recognise when it was saved, with its level (the taxonomy may learn it later).</summary>
public sealed record UnrecognisedSkillData(string Mention, int Level);

/// <summary>A place the seeker would work: an ISO 3166-1 alpha-2 country and, optionally, a city.</summary>
public sealed record ProfileLocationData(string Country, string? City);

/// <summary>
/// The least pay a seeker accepts: <see cref="Amount"/> in <see cref="Currency"/> (ISO 4217) per <see cref="Period"/>
/// (Year, Month, Day or Hour), and the same as a yearly full-time amount (12 months, 220 days, 1,760 hours).
/// </summary>
public sealed record MinimumSalaryData(decimal Amount, string Currency, string Period, decimal YearlyAmount);

/// <summary>
/// A seeker's profile was created or changed: everything matching needs, whole (not a diff). <see cref="ProfileId"/> is the
/// seeker's user id. <see cref="Revision"/> grows
/// with every change of this profile; deliveries can arrive out of order, so apply an event only when its revision is
/// above the one already applied. <see cref="Seniority"/> is Junior, Mid, Senior or Lead (or null); work modes are
/// Remote, Hybrid and OnSite (empty: none stated); <see cref="Visibility"/> is Private (never a candidate),
/// Applications (seen by employers only where the seeker applied) or Discoverable (in employers' candidate search).
/// </summary>
public sealed record ProfileChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid ProfileId,
    long Revision,
    IReadOnlyList<ProfileSkillData> Skills,
    IReadOnlyList<UnrecognisedSkillData> UnrecognisedSkills,
    string? Seniority,
    IReadOnlyList<string> WorkModes,
    IReadOnlyList<ProfileLocationData> Locations,
    bool WillingToRelocate,
    MinimumSalaryData? MinimumSalary,
    string Visibility) : IIntegrationEvent;

/// <summary>A profile is gone (its seeker deleted the account): forget it everywhere. Its revision is above every change's.</summary>
public sealed record ProfileRemoved(Guid EventId, DateTimeOffset OccurredAt, Guid ProfileId, long Revision) : IIntegrationEvent;
