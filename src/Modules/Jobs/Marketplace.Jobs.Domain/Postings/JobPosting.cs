using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Jobs.Domain.Postings;

public enum Seniority { Junior, Mid, Senior, Lead }

public enum WorkMode { OnSite, Hybrid, Remote }

/// <summary>A skill the posting asks for, by canonical skill id, with the least level (1-5) and how much it weighs (1-10).</summary>
public sealed class PostingSkill
{
    public const int MaxLevel = 5;
    public const int MaxWeight = 10;

    public PostingSkill(string skillId, int minLevel, int weight, bool required)
    {
        SkillId = skillId;
        MinLevel = minLevel;
        Weight = weight;
        Required = required;
    }

    public string SkillId { get; private set; }
    public int MinLevel { get; private set; }
    public int Weight { get; private set; }
    public bool Required { get; private set; }
}

public sealed record SalaryRange(decimal Min, decimal Max, string Currency)
{
    /// <summary>The largest amount a posting may state (what the column, numeric(12,2), holds), in any currency.</summary>
    public const decimal MaxAmount = 9_999_999_999.99m;
}

/// <summary>Everything an employer states about a posting, for publishing it or editing it.</summary>
public sealed record PostingDetails(
    string Title,
    string Company,
    string? Description,
    Seniority Seniority,
    string? Location,
    WorkMode WorkMode,
    SalaryRange? Salary,
    IReadOnlyList<PostingSkill> Skills);

/// <summary>A job posting: what an employer offers and which skills it asks for.</summary>
public sealed class JobPosting : AggregateRoot<Guid>
{
    private readonly List<PostingSkill> _skills = [];

    private JobPosting()
    {
    }

    public Guid? EmployerId { get; private set; }

    /// <summary>The company that owns the posting; null for postings published before companies existed, or without one.</summary>
    public Guid? CompanyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Company { get; private set; } = "";
    public string? Description { get; private set; }
    public Seniority Seniority { get; private set; }
    public string? Location { get; private set; }
    public WorkMode WorkMode { get; private set; }
    public decimal? SalaryMin { get; private set; }
    public decimal? SalaryMax { get; private set; }
    public string? SalaryCurrency { get; private set; }
    public IReadOnlyList<PostingSkill> Skills => _skills;
    public DateTimeOffset PublishedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The optimistic-concurrency token (PostgreSQL's xmin): changes with every stored change.</summary>
    public uint Version { get; private set; }

    public SalaryRange? Salary => SalaryMin is { } min && SalaryMax is { } max ? new SalaryRange(min, max, SalaryCurrency ?? "") : null;

    public IEnumerable<PostingSkill> RequiredSkills => _skills.Where(s => s.Required);

    public IEnumerable<PostingSkill> NiceToHaveSkills => _skills.Where(s => !s.Required);

    public static Result<JobPosting> Publish(Guid id, PostingDetails details, Guid? employerId, DateTimeOffset now, Guid? companyId = null)
    {
        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result<JobPosting>.Failure(errors);
        }

        var posting = new JobPosting { Id = id, EmployerId = employerId, CompanyId = companyId, PublishedAt = now };
        posting.Apply(details, now);
        return posting;
    }

    public Result Edit(PostingDetails details, DateTimeOffset now)
    {
        var errors = Check(details);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        Apply(details, now);
        return Result.Success();
    }

    private void Apply(PostingDetails details, DateTimeOffset now)
    {
        Title = details.Title.Trim();
        Company = details.Company.Trim();
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Seniority = details.Seniority;
        Location = string.IsNullOrWhiteSpace(details.Location) ? null : details.Location.Trim();
        WorkMode = details.WorkMode;
        SalaryMin = details.Salary?.Min;
        SalaryMax = details.Salary?.Max;
        SalaryCurrency = details.Salary?.Currency.ToUpperInvariant();
        _skills.Clear();
        _skills.AddRange(details.Skills.Select(s => new PostingSkill(s.SkillId.Trim().ToLowerInvariant(), s.MinLevel, s.Weight, s.Required)));
        UpdatedAt = now;
    }

    /// <summary>The posting's invariants; field names match the request a client sends.</summary>
    public static IReadOnlyList<Error> Check(PostingDetails details)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            errors.Add(Error.Validation("Title", "A posting needs a title."));
        }

        if (string.IsNullOrWhiteSpace(details.Company))
        {
            errors.Add(Error.Validation("Company", "A posting needs a company."));
        }

        if (!details.Skills.Any(s => s.Required))
        {
            errors.Add(Error.Validation("RequiredSkills", "A posting needs at least one required skill."));
        }

        var duplicate = details.Skills.GroupBy(s => s.SkillId.Trim().ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(Error.Validation("RequiredSkills", $"The skill '{duplicate.Key}' is listed more than once."));
        }

        if (details.Skills.Any(s => s.MinLevel is < 1 or > PostingSkill.MaxLevel || s.Weight is < 1 or > PostingSkill.MaxWeight))
        {
            errors.Add(Error.Validation("RequiredSkills", $"Skill levels run from 1 to {PostingSkill.MaxLevel} and weights from 1 to {PostingSkill.MaxWeight}."));
        }

        if (details.WorkMode != WorkMode.Remote && string.IsNullOrWhiteSpace(details.Location))
        {
            errors.Add(Error.Validation("Location", "An on-site or hybrid posting needs a location."));
        }

        if (details.Salary is { } salary && (salary.Min < 0 || salary.Min > salary.Max || salary.Max > SalaryRange.MaxAmount))
        {
            errors.Add(Error.Validation("Salary", "The salary range must run from a non-negative minimum up to the maximum."));
        }

        return errors;
    }
}
