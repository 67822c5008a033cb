using Marketplace.Jobs.Application.Skills;
using Marketplace.Jobs.Contracts;
using Marketplace.Jobs.Domain.Postings;

namespace Marketplace.Jobs.Application.Postings;

public sealed record PostingSkillDto(string SkillId, string Name, bool Required, int MinLevel, int Weight, bool Dealbreaker);

public sealed record PlaceDto(string City, string Country, string CountryName);

public sealed record SalaryDto(decimal Min, decimal Max, string Currency, string Period);

/// <summary>A posting as clients see it; <see cref="Version"/> goes back with a change, so a stale one is refused.</summary>
public sealed record PostingDto(
    Guid Id,
    int Version,
    string Status,
    string Title,
    string Company,
    Guid? CompanyId,
    string? Description,
    string Seniority,
    string WorkMode,
    IReadOnlyList<PlaceDto> Locations,
    IReadOnlyList<string> AcceptedCountries,
    SalaryDto Salary,
    IReadOnlyList<PostingSkillDto> Skills,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ClosedAt,
    string? ClosingReason,
    string? HoldReason)
{
    public static PostingDto From(JobPosting posting, SkillCatalog skills) => new(
        posting.Id,
        posting.Revision,
        posting.Status.ToString(),
        posting.Title,
        posting.Company,
        posting.CompanyId,
        posting.Description,
        posting.Seniority.ToString(),
        posting.WorkMode.ToString(),
        [.. posting.Locations.Select(p => new PlaceDto(p.City, p.Country, IsoCodes.CountryName(p.Country)))],
        posting.AcceptedCountries,
        new SalaryDto(posting.Salary.Min, posting.Salary.Max, posting.Salary.Currency, posting.Salary.Period.ToString()),
        [.. posting.Skills.Select(s => new PostingSkillDto(s.SkillId, skills.NameOf(s.SkillId), s.Required, s.MinLevel, s.Weight, s.Dealbreaker))],
        posting.CreatedAt,
        posting.UpdatedAt,
        posting.PublishedAt,
        posting.ExpiresAt,
        posting.ClosedAt,
        posting.ClosingReason?.ToString(),
        posting.HoldReason);
}

/// <summary>The posting as the integration events carry it.</summary>
public static class PostingSnapshots
{
    public static PostingSnapshot Of(JobPosting posting) => new(
        posting.Id,
        posting.Revision,
        posting.CompanyId,
        posting.Title,
        posting.Company,
        posting.Status.ToString(),
        posting.Seniority.ToString(),
        posting.WorkMode.ToString(),
        [.. posting.Locations.Select(p => new PostingPlace(p.City, p.Country))],
        posting.AcceptedCountries,
        new PostingSalary(
            posting.Salary.Min, posting.Salary.Max, posting.Salary.Currency, posting.Salary.Period.ToString(), posting.Salary.YearlyMin, posting.Salary.YearlyMax),
        [.. posting.Skills.Select(s => new PostingSkillRequirement(s.SkillId, s.MinLevel, s.Weight, s.Required, s.Dealbreaker))],
        posting.PublishedAt,
        posting.ExpiresAt);
}
