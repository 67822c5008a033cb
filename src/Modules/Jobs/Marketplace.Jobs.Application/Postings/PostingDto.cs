using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

public sealed record SkillRequirementDto(string SkillId, int MinLevel, int Weight);

public sealed record SalaryDto(decimal Min, decimal Max, string Currency);

/// <summary>A posting as clients see it; <see cref="Version"/> goes back with an edit.</summary>
public sealed record PostingDto(
    Guid Id,
    string Title,
    string Company,
    string? Description,
    string Seniority,
    string? Location,
    string WorkMode,
    SalaryDto? Salary,
    IReadOnlyList<SkillRequirementDto> RequiredSkills,
    IReadOnlyList<SkillRequirementDto> NiceToHaveSkills,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public static PostingDto From(JobPosting posting) => new(
        posting.Id,
        posting.Title,
        posting.Company,
        posting.Description,
        posting.Seniority.ToString(),
        posting.Location,
        posting.WorkMode.ToString(),
        posting.Salary is { } s ? new SalaryDto(s.Min, s.Max, s.Currency) : null,
        [.. posting.RequiredSkills.Select(ToDto)],
        [.. posting.NiceToHaveSkills.Select(ToDto)],
        posting.PublishedAt,
        posting.UpdatedAt,
        posting.Version);

    private static SkillRequirementDto ToDto(PostingSkill skill) => new(skill.SkillId, skill.MinLevel, skill.Weight);
}
