using Marketplace.BuildingBlocks.Domain;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Domain.Projections;

/// <summary>A skill a projected posting asks for.</summary>
public sealed record ProjectedRequirement(string SkillId, int MinLevel, double Weight, bool Required, bool Dealbreaker);

/// <summary>
/// What matching knows of a posting, as the last applied posting event told it; events are applied only when their revision is
/// above <see cref="Revision"/>. Only an open (published) posting is matched.
/// </summary>
public sealed class PostingProjection : Entity<Guid>
{
    public const string PublishedStatus = "Published";

    private PostingProjection()
    {
    }

    public PostingProjection(Guid id, long revision, Guid? companyId, string title, string company, string status, IReadOnlyList<ProjectedRequirement> skills,
        Seniority? seniority, WorkMode workMode, string? country, string? city, double? salaryMin, double? salaryMax)
    {
        Id = id;
        Revision = revision;
        CompanyId = companyId;
        Title = title;
        Company = company;
        Status = status;
        Skills = skills;
        Seniority = seniority;
        WorkMode = workMode;
        Country = country;
        City = city;
        SalaryMin = salaryMin;
        SalaryMax = salaryMax;
    }

    public long Revision { get; private set; }

    /// <summary>The change feed's position of the last applied change; set by the store, in commit order.</summary>
    public long Sequence { get; private set; }

    public Guid? CompanyId { get; private set; }

    public string Title { get; private set; } = "";

    public string Company { get; private set; } = "";

    public string Status { get; private set; } = "";

    public IReadOnlyList<ProjectedRequirement> Skills { get; private set; } = [];

    public Seniority? Seniority { get; private set; }

    public WorkMode WorkMode { get; private set; }

    public string? Country { get; private set; }

    public string? City { get; private set; }

    public double? SalaryMin { get; private set; }

    public double? SalaryMax { get; private set; }

    public bool IsOpen => Status == PublishedStatus;

    /// <summary>The posting as the engine scores it; skills the taxonomy does not know are left out.</summary>
    public Posting ToEngine(SkillTaxonomy taxonomy)
    {
        // In the taxonomy's terms: an id merged away counts as the skill it was merged into (once, the first mention winning).
        var known = Skills.Where(s => s.MinLevel is >= 1 and <= 5 && s.Weight > 0)
            .Select(s => taxonomy.Find(s.SkillId) is { } skill ? s with { SkillId = skill.Id } : null)
            .OfType<ProjectedRequirement>()
            .DistinctBy(s => s.SkillId)
            .ToList();
        return new Posting(
            Id.ToString(),
            [.. known.Where(s => s.Required).Select(s => new SkillRequirement(s.SkillId, s.MinLevel, s.Weight, s.Dealbreaker))],
            [.. known.Where(s => !s.Required).Select(s => new SkillRequirement(s.SkillId, s.MinLevel, s.Weight))],
            Seniority,
            WorkMode,
            Country,
            City,
            SalaryMin is null && SalaryMax is null ? null : new SalaryRange(SalaryMin, SalaryMax));
    }
}
