namespace Marketplace.Jobs.Domain.Applications;

/// <summary>A skill of the applicant's profile when they applied.</summary>
public sealed record SnapshotSkill(string? SkillId, string Name, int Level, string LevelName, decimal? Years, int? LastUsedYear);

/// <summary>The applicant's profile as it was when they applied: what the company reads, whatever the profile becomes.</summary>
public sealed record ProfileSnapshot(string? DisplayName, string? Headline, IReadOnlyList<SnapshotSkill> Skills);

/// <summary>A skill of a match explanation: how it counted (Matched, Inferred, Related, BelowLevel, Missing) and the credit it earned (0 to 1).</summary>
public sealed record MatchSkill(string SkillId, string Name, string How, decimal Contribution);

/// <summary>A part of a match's score: its points of the most it could give.</summary>
public sealed record MatchPart(string Name, decimal Points, decimal MaxPoints);

/// <summary>
/// The match between the profile and the posting when the seeker applied, as matching explained it: the score, each skill,
/// the parts of the score and the mismatches called out (the last two absent from applications stored before they were kept).
/// </summary>
public sealed record MatchSnapshot(decimal Score, IReadOnlyList<MatchSkill> Skills, IReadOnlyList<MatchPart>? Parts = null, IReadOnlyList<string>? HardMismatches = null);

/// <summary>
/// One change of stage: when, who (the company's member, or null for the applicant and for a member whose account is
/// gone), from and to, and for a rejection the reason the applicant was given.
/// </summary>
public sealed record StageChange(DateTimeOffset At, Guid? By, bool ByApplicant, ApplicationStage? From, ApplicationStage To, string? Reason);

/// <summary>A note of the company's about an applicant: never shown to the applicant.</summary>
public sealed record ApplicantNote(Guid Id, DateTimeOffset At, Guid? By, string Text);
