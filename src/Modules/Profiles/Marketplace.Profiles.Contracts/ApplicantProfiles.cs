namespace Marketplace.Profiles.Contracts;

/// <summary>A skill as an application keeps it: canonical id (null when the taxonomy did not know it), name, level 1 to 5 and its word.</summary>
public sealed record ApplicantSkillData(string? SkillId, string Name, int Level, string LevelName, decimal? Years, int? LastUsedYear);

/// <summary>
/// What a seeker's profile says at the moment they apply: the name and headline they chose, their skills, and the text of
/// the last CV they imported (null when none).
/// </summary>
public sealed record ApplicantProfileData(
    Guid UserId,
    string? DisplayName,
    string? Headline,
    IReadOnlyList<ApplicantSkillData> Skills,
    string? CvText,
    DateTimeOffset? CvImportedAt);

/// <summary>
/// The Profiles module's query facade for applying: the Jobs module copies this into an application instead of reading
/// the profiles schema. Null when the seeker has no profile yet.
/// </summary>
public interface IApplicantProfiles
{
    Task<ApplicantProfileData?> FindAsync(Guid userId, CancellationToken cancellationToken);
}
